using k8s.Models;
using K8sLandscape.Loading;
using K8sLandscape.Sources;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Sources;

public class DeployManifestTests
{
    private static IReadOnlyList<KubeObject> Deploy()
    {
        var result = new ManifestLoader().Load(Corpus.InRepository("deploy"));
        Assert.Empty(result.Diagnostics);
        return result.Objects;
    }

    [Fact]
    public void The_cluster_role_grants_get_and_list_on_exactly_the_kinds_read()
    {
        var role = Assert.Single(Deploy(), o => o.Kind == "ClusterRole").As<V1ClusterRole>();

        var granted = role.Rules.SelectMany(r => r.ApiGroups.SelectMany(g => r.Resources.Select(res => (g, res))))
            .Order().ToArray();
        var read = ClusterKinds.All.Select(k => (k.Group, k.Resource)).Order().ToArray();
        Assert.Equal(read, granted);
        Assert.All(role.Rules, r => Assert.Equal(["get", "list"], r.Verbs));
        Assert.All(role.Rules, r => Assert.Null(r.ResourceNames));
        Assert.All(role.Rules, r => Assert.Null(r.NonResourceURLs));
    }

    [Fact]
    public void The_cron_job_runs_a_cluster_snapshot_as_the_bound_service_account()
    {
        var objects = Deploy();
        var account = Assert.Single(objects, o => o.Kind == "ServiceAccount");
        var binding = Assert.Single(objects, o => o.Kind == "ClusterRoleBinding").As<V1ClusterRoleBinding>();
        var role = Assert.Single(objects, o => o.Kind == "ClusterRole");
        var cron = Assert.Single(objects, o => o.Kind == "CronJob").As<V1CronJob>();

        Assert.Equal(role.Name, binding.RoleRef.Name);
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal((account.Name, account.Namespace), (subject.Name, subject.NamespaceProperty));
        var pod = cron.Spec.JobTemplate.Spec.Template.Spec;
        Assert.Equal(account.Name, pod.ServiceAccountName);
        var script = string.Join(" ", pod.Containers.Single().Args);
        Assert.Contains("k8s-landscape snapshot --cluster --output", script, StringComparison.Ordinal);
        var claim = Assert.Single(pod.Volumes, v => v.PersistentVolumeClaim is not null).PersistentVolumeClaim.ClaimName;
        Assert.Contains(objects, o => o.Kind == "PersistentVolumeClaim" && o.Name == claim);
    }

    [Fact]
    public void The_kind_list_names_each_resource_and_kind_once()
    {
        Assert.Equal(ClusterKinds.All.Count, ClusterKinds.All.Select(k => (k.Group, k.Resource)).Distinct().Count());
        Assert.Equal(ClusterKinds.All.Count, ClusterKinds.All.Select(k => (k.Group, k.Kind)).Distinct().Count());
        Assert.Contains(ClusterKinds.Secrets, ClusterKinds.All);
        Assert.Equal(ClusterKindAccess.MetadataOnly, ClusterKinds.Secrets.Access);
        Assert.Equal(["Secret"], ClusterKinds.All.Where(k => k.Access == ClusterKindAccess.MetadataOnly).Select(k => k.Kind));
    }
}
