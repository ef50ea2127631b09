using K8sLandscape.Sources;

namespace K8sLandscape.Core.Tests.Sources;

/// <summary>Kubeconfig files that are not usable: each is a <see cref="ClusterSourceException"/> naming the file, never another exception.</summary>
public sealed class KubeconfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("k8sl-kubeconfig-").FullName;

    private static string Valid(string server, string? context = "test") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {server}
        contexts:
        - name: test
          context:
            cluster: c
            user: u
        current-context: {context}
        users:
        - name: u
          user:
            token: t
        """;

    public static TheoryData<string, string, string> BadFiles { get; } = new()
    {
        { "empty", string.Empty, "the file is empty" },
        { "comments only", "# nothing here\n", "holds no configuration" },
        { "a YAML list", "- a\n- b\n", "not a usable cluster configuration" },
        { "a scalar", "just some text\n", "not a usable cluster configuration" },
        { "JSON null", "null\n", "holds no configuration" },
        { "clusters of the wrong type", "apiVersion: v1\nkind: Config\nclusters: 5\n", "not a usable cluster configuration" },
        { "unclosed flow", "clusters: [\nusers: {\n", "not a usable cluster configuration" },
        { "another kind of YAML", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n", "not a kubeconfig (its kind is 'ConfigMap'" },
        { "no current context", Valid("https://127.0.0.1:6443", context: "\"\""), "no current context" },
        { "an unknown current context", Valid("https://127.0.0.1:6443", context: "elsewhere"), "no context named 'elsewhere'" },
        { "an ftp server", Valid("ftp://127.0.0.1:6443"), "the scheme 'ftp'" },
        { "a unix socket", Valid("unix:///var/run/k8s.sock"), "the scheme 'unix'" },
        { "a server that is not a URL", Valid("not a url"), "URL" },
        { "bad certificate data", Valid("https://127.0.0.1:6443").Replace("token: t", "client-certificate-data: bm90IGEgY2VydA==\n    client-key-data: bm90IGEga2V5", StringComparison.Ordinal), "kubeconfig" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_kubeconfig_is_a_source_exception_that_names_the_file(string name, string text, string reason)
    {
        var path = Path.Combine(_folder, name.Replace(' ', '-'));
        File.WriteAllText(path, text);

        var ex = Assert.Throws<ClusterSourceException>(() =>
        {
            using var source = ClusterSource.Connect(new ClusterConnection(path));
        });
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Contains(reason, StringComparison.Ordinal), ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_binary_kubeconfig_is_a_source_exception_that_names_the_file()
    {
        var path = Path.Combine(_folder, "binary");
        var bytes = new byte[4096];
        new Random(12).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<ClusterSourceException>(() => new ClusterConnection(path).Resolve());
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_kubeconfig_still_resolves()
    {
        var path = Path.Combine(_folder, "good");
        File.WriteAllText(path, Valid("https://127.0.0.1:6443"));

        var (configuration, context) = new ClusterConnection(path).Resolve();
        Assert.Equal("test", context);
        Assert.Equal("https://127.0.0.1:6443", configuration.Host);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
