using K8sLandscape.Analyzers.Configuration;
using K8sLandscape.Analyzers.Fleet;

namespace K8sLandscape.Analyzers.Tests.Fleet;

public class MustMatchConfigTests
{
    [Fact]
    public void Compare_must_match_is_read_from_the_configuration()
    {
        var o = AnalysisConfigFile.Parse("compare:\n  mustMatch: [pod-network, 'api-group:*']\n", "c.yaml");

        Assert.Equal(["pod-network", "api-group:*"], o.MustMatch);
        var m = new MustMatch(o.MustMatch);
        Assert.True(m.Covers("pod-network"));
        Assert.True(m.Covers("api-group:cert-manager.io"));
        Assert.False(m.Covers("pod-network-extra"));
        Assert.False(m.Covers("default-storage-class"));
    }

    [Fact]
    public void A_bad_pattern_and_an_unknown_key_are_reported_with_line_and_key()
    {
        var ex = Assert.Throws<ConfigurationException>(() => AnalysisConfigFile.Parse("compare:\n  mustMatch: ['*-network']\n  shouldMatch: [x]\n", "c.yaml"));

        Assert.Contains(ex.Errors, e => e.Key == "compare.mustMatch" && e.Location.Line == 2 && e.Message.Contains("'*-network'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Key == "compare.shouldMatch" && e.Location.Line == 3);
    }

    [Fact]
    public void Must_match_is_empty_by_default() =>
        Assert.Empty(AnalysisConfigFile.Parse("minimumSeverity: info\n", "c.yaml").MustMatch);
}
