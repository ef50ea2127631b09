using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

internal static class LoaderTestExtensions
{
    public static LoadResult Load(string yaml, string path = "test.yaml", InputKind kind = InputKind.Auto) =>
        new ManifestLoader(new LoaderOptions { MaxParallelism = 1 }).LoadString(yaml, path, kind);

    public static LoadDiagnostic Single(this LoadResult result, string code) =>
        Assert.Single(result.Diagnostics, d => d.Code == code);
}
