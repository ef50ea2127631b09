using K8sLandscape.Analyzers.Fleet;
using static K8sLandscape.Analyzers.Tests.Fleet.Summaries;

namespace K8sLandscape.Analyzers.Tests.Fleet;

public class LandscapeComparerTests
{
    [Fact]
    public void Only_a_only_b_and_changed_versions_and_settings_are_told_apart()
    {
        var a = Cluster("a", [
            Point("network", "pod-network", Impl("calico", "3.28.0")),
            Point("api", "api-group:cert-manager.io", Impl("cert-manager", "1.14.4", ("crd/certificates.cert-manager.io.served", "v1"))),
            Point("storage", "csi-drivers", Impl("aws-ebs")),
        ]);
        var b = Cluster("b", [
            Point("network", "pod-network", Impl("cilium", "1.16.0")),
            Point("api", "api-group:cert-manager.io", Impl("cert-manager", "1.15.0", ("crd/certificates.cert-manager.io.served", "v1,v1beta1"))),
            Point("storage", "csi-drivers", Impl("aws-ebs")),
        ]);

        var c = LandscapeComparer.Compare(a, b);

        Assert.Equal(["network/pod-network", "api/api-group:cert-manager.io"], c.Differences.Select(d => d.Area + "/" + d.Name)); // area order
        var pod = c.Differences[0];
        Assert.Equal("calico", Assert.Single(pod.OnlyA).Id);
        Assert.Equal("cilium", Assert.Single(pod.OnlyB).Id);
        var cm = Assert.Single(c.Differences[1].Changed);
        Assert.True(cm.VersionChanged);
        Assert.Equal(["1.14.4"], cm.VersionsA);
        Assert.Equal(["1.15.0"], cm.VersionsB);
        Assert.Equal(new SettingChange("crd/certificates.cert-manager.io.served", "v1", "v1,v1beta1"), Assert.Single(cm.Settings));
        Assert.Equal(1, c.SamePoints);
        Assert.Empty(c.MustMatchViolations);
    }

    [Fact]
    public void A_setting_only_one_side_has_is_a_change_with_null_on_the_other()
    {
        var a = Cluster("a", [Point("admission", "mutating:core/pods", Impl("istio", null, ("webhook/x/y.failurePolicy", "Fail")))]);
        var b = Cluster("b", [Point("admission", "mutating:core/pods", Impl("istio"))]);

        var change = Assert.Single(Assert.Single(LandscapeComparer.Compare(a, b).Differences).Changed);

        Assert.False(change.VersionChanged);
        Assert.Equal(new SettingChange("webhook/x/y.failurePolicy", "Fail", null), Assert.Single(change.Settings));
    }

    [Fact]
    public void Equal_summaries_are_identical_and_a_point_with_no_implementation_is_no_difference()
    {
        var a = Cluster("a", [Point("network", "pod-network", Impl("calico", "3.28.0")), Point("devices", "dra-drivers")]);
        var b = Cluster("b", [Point("network", "pod-network", Impl("calico", "3.28.0"))]);

        var c = LandscapeComparer.Compare(a, b, new MustMatch(["pod-network"]));

        Assert.True(c.Identical);
        Assert.Empty(c.MustMatchViolations);
        Assert.Equal(2, c.SamePoints);
    }

    [Fact]
    public void Must_match_names_and_prefixes_mark_differences()
    {
        var a = Cluster("a", [Point("network", "pod-network", Impl("calico", "3.28.0")), Point("api", "api-group:x.io", Impl("x", "1"))]);
        var b = Cluster("b", [Point("network", "pod-network", Impl("calico", "3.29.0")), Point("api", "api-group:x.io", Impl("x", "2"))]);

        var byName = LandscapeComparer.Compare(a, b, new MustMatch(["pod-network"]));
        var byPrefix = LandscapeComparer.Compare(a, b, new MustMatch(["api-group:*"]));
        var other = LandscapeComparer.Compare(a, b, new MustMatch(["default-storage-class"]));

        Assert.Equal("pod-network", Assert.Single(byName.MustMatchViolations).Name);
        Assert.Equal("api-group:x.io", Assert.Single(byPrefix.MustMatchViolations).Name);
        Assert.Empty(other.MustMatchViolations);
    }

    [Fact]
    public void Findings_match_across_line_numbers_and_duplicates_count()
    {
        var f1 = new SummaryFinding("KL5001", "warning", "Short name 'vs' is claimed by a (api.yaml:15) and b (api.yaml:41)", "crd x");
        var f1Moved = f1 with { Message = "Short name 'vs' is claimed by a (api.yaml:17) and b (api.yaml:43)" };
        var f2 = new SummaryFinding("KL3001", "error", "two defaults", null);
        var a = Cluster("a", [], f1, f2, f2);
        var b = Cluster("b", [], f1Moved, f2);

        var c = LandscapeComparer.Compare(a, b);

        Assert.Equal([f2], c.FindingsOnlyA);
        Assert.Empty(c.FindingsOnlyB);
    }

    [Fact]
    public void Text_markdown_and_html_show_a_change_and_escape_what_they_must()
    {
        var a = Cluster("a<1>", [Point("network", "pod-network", Impl("calico", "3.28.0"))]);
        var b = Cluster("b|2", [Point("network", "pod-network", Impl("calico", "3.29.0"))]);
        var c = LandscapeComparer.Compare(a, b, new MustMatch(["pod-network"]));

        var text = Render(FleetFormats.Text, c);
        var md = Render(FleetFormats.Markdown, c);
        var html = Render(FleetFormats.Html, c);

        Assert.Contains("      calico: 3.28.0 (A) -> 3.29.0 (B)", text, StringComparison.Ordinal);
        Assert.Contains("b\\|2 (B)", md, StringComparison.Ordinal);
        Assert.Contains("| network | `pod-network` | **yes** | calico 3.28.0 | calico 3.29.0 |", md, StringComparison.Ordinal);
        Assert.Contains("a&lt;1&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a<1>", html, StringComparison.Ordinal);
    }

    private static string Render(string format, LandscapeComparison c)
    {
        var w = new StringWriter();
        FleetFormats.Write(format, c, w);
        return w.ToString();
    }
}
