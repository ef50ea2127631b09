using System.Globalization;
using System.Net;
using System.Net.Sockets;
using K8sLandscape.Loading;
using K8sLandscape.Model.Network;

namespace K8sLandscape.Analyzers.Rules.Network;

/// <summary>KL2003: pod CIDRs declared by different plugins, or by a plugin and the cluster, overlap.</summary>
internal sealed class OverlappingPodCidrAnalyzer : LandscapeAnalyzer
{
    private const string Cluster = "cluster";

    public static RuleDescriptor Descriptor { get; } = new(
        "KL2003",
        "Pod CIDRs declared by different plugins or by a plugin and the cluster overlap",
        "Pod CIDRs overlap: {0}; {1}",
        RuleCategory.Network,
        DiagnosticSeverity.Error,
        """
        Every pod address comes from one IP address manager. Flannel hands each node a subnet of its
        `net-conf.json` `Network`, Calico allocates blocks from its IPPools (`CALICO_IPV4POOL_CIDR`, the
        operator's `Installation`), Cilium from `cluster-pool-ipv4-cidr`, and kube-controller-manager cuts
        node `podCIDR`s from the cluster's `--cluster-cidr` (kubeadm `podSubnet`). When two plugins manage
        overlapping ranges they hand out the same addresses independently: two pods get one IP, routes for
        one node's block shadow the other's, and connections reach the wrong pod. A plugin range that
        overlaps the cluster's pod CIDR without lying inside it breaks the other way: kube-proxy and the
        masquerade rules treat addresses outside `--cluster-cidr` as external and SNAT pod-to-pod traffic,
        and the node `podCIDR`s the controller manager assigns do not match the plugin's blocks.

        Declarations of one plugin (or of one bundle such as Canal, which runs Flannel's network with
        Calico's policy) never conflict with each other, and a plugin range equal to or inside the
        cluster's pod CIDR is the intended setup. Overlaps are found by sorting the ranges, not by
        comparing every pair. The finding reports at the first declaration of the overlapping group by
        location and lists the others.
        """,
        """
        Give each IP address manager its own range: make the plugin's pool equal to (or a subset of) the
        cluster pod CIDR, and remove the second plugin or move its pool to a range nobody else uses.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var network = context.Landscape.Network;
        if (network.PodCidrs.Count < 2) return;
        var owners = OwnerResolver(context);

        var ranges = new List<Range>();
        foreach (var c in network.PodCidrs)
        {
            if (TryParse(c.Cidr, out var family, out var start, out var end)) ranges.Add(new Range(c, owners(c), family, start, end));
        }

        // CIDR blocks are nested or disjoint; after sorting by start, a block overlaps the group
        // before it exactly when it starts inside the group's reach.
        ranges.Sort((a, b) => a.Family != b.Family ? a.Family.CompareTo(b.Family) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var group = new List<Range>();
        UInt128 reach = 0;
        foreach (var r in ranges)
        {
            if (group.Count > 0 && (r.Family != group[0].Family || r.Start > reach))
            {
                Judge(context, group);
                group.Clear();
            }

            if (group.Count == 0 || r.End > reach) reach = r.End;
            group.Add(r);
        }

        if (group.Count > 0) Judge(context, group);
    }

    private static void Judge(AnalysisContext context, List<Range> group)
    {
        if (group.Count < 2) return;
        var pluginOwners = group.Select(r => r.Owner).Where(o => o != Cluster).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var clusterRanges = group.Where(r => r.Owner == Cluster).ToArray();
        string reason;
        if (pluginOwners.Length >= 2)
        {
            reason = $"{Parties.Names(pluginOwners)} would hand out the same pod addresses";
        }
        else if (pluginOwners.Length == 1 && clusterRanges.Length > 0
                 && group.Any(r => r.Owner != Cluster && !clusterRanges.Any(c => c.Start <= r.Start && r.End <= c.End)))
        {
            reason = $"'{pluginOwners[0]}' allocates addresses outside the cluster's pod CIDR, which kube-proxy treats as external";
        }
        else
        {
            return;
        }

        var ordered = group.OrderBy(r => r.Cidr.Location).ThenBy(r => r.Cidr.Cidr, StringComparer.Ordinal).ToArray();
        var first = ordered[0];
        var parts = Parties.Join(ordered.Select(r => $"{r.Cidr.Cidr} ({r.Cidr.Source}, {Parties.KindAndName(r.Cidr.Object)})"));
        context.Report(Descriptor, first.Cidr.Location, Parties.Others(first.Cidr.Location, ordered.Select(r => r.Cidr.Location)), first.Cidr.Object.Ref, parts, reason);
    }

    // Who manages a declared range: the plugin whose objects declare it (folded into a bundle that
    // includes it), else the plugin its source names; kubeadm's podSubnet is the cluster's.
    private static Func<PodCidr, string> OwnerResolver(AnalysisContext context)
    {
        var network = context.Landscape.Network;
        var catalog = context.Landscape.Catalog;
        var bundleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in network.Plugins.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            foreach (var inc in catalog.Find(p.Id)?.Includes ?? []) bundleOf.TryAdd(inc, p.Id);
        }

        string Fold(string id) => bundleOf.TryGetValue(id, out var bundle) ? bundle : id;
        var byObject = new Dictionary<KubeObject, string>(ReferenceEqualityComparer.Instance);
        // Chained and meta plugins (portmap in flannel's ConfigMap, Multus) allocate no pod addresses.
        foreach (var p in network.Plugins.Where(p => p.Role is not ("chained" or "meta")).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            foreach (var o in p.Objects) byObject.TryAdd(o, Fold(p.IncludedIn ?? p.Id));
        }

        return c =>
        {
            if (c.Source.StartsWith("kubeadm", StringComparison.Ordinal)) return Cluster;
            if (byObject.TryGetValue(c.Object, out var owner)) return owner;
            var word = c.Source.Split(' ', '-')[0];
            return Fold(word);
        };
    }

    private static bool TryParse(string cidr, out AddressFamily family, out UInt128 start, out UInt128 end)
    {
        family = AddressFamily.Unspecified;
        start = end = 0;
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IPAddress.TryParse(cidr.AsSpan(0, slash), out var address)) return false;
        if (!int.TryParse(cidr.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)) return false;
        var bytes = address.GetAddressBytes();
        var bits = bytes.Length * 8;
        if (prefix < 0 || prefix > bits) return false;
        UInt128 value = 0;
        foreach (var b in bytes) value = (value << 8) | b;
        var hostBits = bits - prefix;
        var hostMask = hostBits == 0 ? UInt128.Zero : hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        family = address.AddressFamily;
        start = value & ~hostMask;
        end = start | hostMask;
        return true;
    }

    private sealed record Range(PodCidr Cidr, string Owner, AddressFamily Family, UInt128 Start, UInt128 End);
}
