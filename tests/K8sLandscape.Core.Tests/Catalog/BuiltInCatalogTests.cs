using K8sLandscape.Model;

namespace K8sLandscape.Core.Tests.Catalog;

public class BuiltInCatalogTests
{
    [Theory]
    [InlineData("external-secrets", ComponentCategories.Secrets)]
    [InlineData("sealed-secrets", ComponentCategories.Secrets)]
    [InlineData("vault-agent-injector", ComponentCategories.Secrets)]
    [InlineData("velero", ComponentCategories.Backup)]
    [InlineData("kasten-k10", ComponentCategories.Backup)]
    [InlineData("volcano", ComponentCategories.Scheduler)]
    [InlineData("kueue", ComponentCategories.Scheduler)]
    [InlineData("yunikorn", ComponentCategories.Scheduler)]
    [InlineData("keda", ComponentCategories.Autoscaling)]
    [InlineData("karpenter", ComponentCategories.Autoscaling)]
    [InlineData("cluster-autoscaler", ComponentCategories.Autoscaling)]
    [InlineData("vertical-pod-autoscaler", ComponentCategories.Autoscaling)]
    public void Ships_well_known_components(string id, string category)
    {
        var c = ComponentCatalog.BuiltIn.Find(id);
        Assert.NotNull(c);
        Assert.Equal((category, "built-in"), (c.Category, c.Origin));
    }

    [Fact]
    public void Components_are_sorted_by_id_and_the_crd_group_lookup_finds_their_servers()
    {
        var ids = ComponentCatalog.BuiltIn.Components.Select(c => c.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(["velero"], ComponentCatalog.BuiltIn.ServingCrdGroup("velero.io").Select(c => c.Id));
        Assert.Equal(["keda"], ComponentCatalog.BuiltIn.ServingCrdGroup("keda.sh").Select(c => c.Id));
        Assert.Empty(ComponentCatalog.BuiltIn.ServingCrdGroup("no.such.group"));
    }
}
