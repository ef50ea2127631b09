using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Model.Runtime;

/// <summary>Builds landscapes from corpus entries for the infrastructure surface tests.</summary>
internal static class InfrastructureTestLoader
{
    public static Landscape FromCorpus(params string[] relativePaths)
    {
        var paths = relativePaths.Select(p => Corpus.Require(p)).ToArray();
        var load = new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).Load(paths);
        return Landscape.Build(load);
    }

    public static Landscape FromJson(params string[] json) => Landscape.Build(json.Select(j => KubeObject.FromJson(j)));

    public static ExtensionPoint Point(this Landscape landscape, string name) =>
        Assert.Single(landscape.ExtensionPoints, p => p.Name == name);

    public static string[] Ids(this ExtensionPoint point) => point.Implementations.Select(i => i.Id).ToArray();
}
