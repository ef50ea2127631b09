using K8sLandscape.Analyzers.Fleet;
using static K8sLandscape.Analyzers.Tests.Fleet.Summaries;

namespace K8sLandscape.Analyzers.Tests.Fleet;

public class FleetMatrixBuilderTests
{
    [Fact]
    public void Fragmentation_is_the_share_of_clusters_off_the_most_common_cell()
    {
        var fleet = new FleetMatrixBuilder();
        fleet.Add(Cluster("a", [Point("network", "pod-network", Impl("calico", "3.28.0"))]));
        fleet.Add(Cluster("b", [Point("network", "pod-network", Impl("calico", "3.28.0"))]));
        fleet.Add(Cluster("c", [Point("network", "pod-network", Impl("calico", "3.29.0"))]));
        fleet.Add(Cluster("d", [Point("network", "pod-network", Impl("cilium", "1.16.0"))]));

        var m = fleet.Build();

        var p = Assert.Single(m.Points);
        Assert.Equal(0.5, p.Fragmentation);
        Assert.Equal(2, p.Implementations);
        Assert.Equal(3, p.Versions);
        Assert.Equal(3, p.Variants);
        Assert.Equal(4, p.Present);
        Assert.Equal([false, false, true, true], p.Cells.Select(c => c.Odd));
        Assert.Equal(0.5, m.Fragmentation);
        Assert.Equal(1, m.FragmentedPoints);
        Assert.Equal(2, m.OddCells);
    }

    [Fact]
    public void A_fleet_that_agrees_has_no_fragmentation()
    {
        var fleet = new FleetMatrixBuilder();
        for (var i = 0; i < 3; i++) fleet.Add(Cluster("c" + i, [Point("network", "pod-network", Impl("calico", "3.28.0"))]));

        var m = fleet.Build();

        Assert.Equal(0, m.Fragmentation);
        Assert.Equal(0, m.FragmentedPoints);
        Assert.All(m.Points[0].Cells, c => Assert.False(c.Odd));
    }

    [Fact]
    public void Settings_alone_make_a_variant_and_absence_is_a_cell()
    {
        var fleet = new FleetMatrixBuilder();
        fleet.Add(Cluster("a", [Point("admission", "validating:core/pods", Impl("kyverno", "1.11", ("webhook/k/v.failurePolicy", "Fail")))]));
        fleet.Add(Cluster("b", [Point("admission", "validating:core/pods", Impl("kyverno", "1.11", ("webhook/k/v.failurePolicy", "Ignore")))]));
        fleet.Add(Cluster("c", [Point("admission", "validating:core/pods", Impl("kyverno", "1.11", ("webhook/k/v.failurePolicy", "Fail")))]));
        fleet.Add(Cluster("d", [Point("devices", "dra-drivers")])); // a point with no implementation is absence

        var m = fleet.Build();

        var p = Assert.Single(m.Points);
        Assert.Equal(2, p.Variants);
        Assert.Equal(1, p.Versions);
        Assert.Equal(3, p.Present);
        Assert.Equal([false, true, false, true], p.Cells.Select(c => c.Odd));
        Assert.False(p.Cells[3].Present);
    }

    [Fact]
    public void Ties_go_to_the_first_signature_in_ordinal_order_and_names_are_made_unique()
    {
        var fleet = new FleetMatrixBuilder();
        fleet.Add(Cluster("x", [Point("network", "pod-network", Impl("flannel", "0.25.1"))]));
        fleet.Add(Cluster("x", [Point("network", "pod-network", Impl("calico", "3.28.0"))]));

        var m = fleet.Build();

        Assert.Equal(["x", "x (2)"], m.Clusters.Select(c => c.Name));
        Assert.Equal([true, false], m.Points[0].Cells.Select(c => c.Odd)); // "calico ..." < "flannel ..."
    }

    [Fact]
    public void Points_are_in_area_order_and_findings_are_counted_per_cluster()
    {
        var fleet = new FleetMatrixBuilder();
        fleet.Add(Cluster("a", [Point("lifecycle", "helm-releases", Impl("helm:x/y")), Point("runtime", "container-runtime", Impl("containerd", "1.7.20"))],
            new SummaryFinding("KL3001", "error", "m", null), new SummaryFinding("KL3001", "error", "n", null), new SummaryFinding("KL6001", "warning", "w", null)));

        var m = fleet.Build();

        Assert.Equal(["container-runtime", "helm-releases"], m.Points.Select(p => p.Name));
        var c = Assert.Single(m.Clusters);
        Assert.Equal(2, c.Count("error"));
        Assert.Equal(1, c.Count("warning"));
        Assert.Equal([KeyValuePair.Create("KL3001", 2), KeyValuePair.Create("KL6001", 1)], c.ByRule);
    }

    [Fact]
    public void A_point_with_many_implementations_is_counted_and_its_long_signature_hashed()
    {
        var many = Enumerable.Range(0, 200).Select(i => Impl($"helm:team-{i:D3}/app-with-a-long-name", "1.0." + i)).ToArray();
        var fleet = new FleetMatrixBuilder();
        fleet.Add(Cluster("a", [Point("lifecycle", "helm-releases", many)]));
        fleet.Add(Cluster("b", [Point("lifecycle", "helm-releases", many[..5])]));

        var p = Assert.Single(fleet.Build().Points);

        Assert.Equal("200 implementations", p.Cells[0].Display);
        Assert.StartsWith("sha256:", p.Cells[0].Signature, StringComparison.Ordinal);
        Assert.Equal(71, p.Cells[0].Signature.Length);
        Assert.Equal(string.Join("; ", many[..5].Select(i => i.Display)), p.Cells[1].Display);
        Assert.Equal(200, p.Implementations);
        Assert.Equal(200, p.Versions);
        Assert.Equal(2, p.Variants);
    }

    [Fact]
    public void Every_format_writes_the_odd_cell_marked()
    {
        var fleet = new FleetMatrixBuilder();
        fleet.Add(Cluster("a", [Point("network", "pod-network", Impl("calico", "3.28.0"))]));
        fleet.Add(Cluster("b", [Point("network", "pod-network", Impl("calico", "3.28.0"))]));
        fleet.Add(Cluster("c", [Point("network", "pod-network", Impl("calico", "3.29.0"))]));
        var m = fleet.Build();

        Assert.Contains("    * c  calico 3.29.0", Render(FleetFormats.Text, m), StringComparison.Ordinal);
        Assert.Contains("| **calico 3.29.0** |", Render(FleetFormats.Markdown, m), StringComparison.Ordinal);
        Assert.Contains("<td class=\"odd\" title=\"calico 3.29.0\">calico 3.29.0</td>", Render(FleetFormats.Html, m), StringComparison.Ordinal);
        Assert.Contains("\"odd\": true", Render(FleetFormats.Json, m), StringComparison.Ordinal);
    }

    private static string Render(string format, FleetMatrix m)
    {
        var w = new StringWriter();
        FleetFormats.Write(format, m, w);
        return w.ToString();
    }
}
