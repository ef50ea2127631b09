namespace K8sLandscape.Model.Layers;

/// <summary>
/// The name heuristic for custom kinds no catalog component claims. The kind name is searched for
/// words that carry a layer, in this order (the first hit wins), ordinal and case-sensitive on the
/// PascalCase kind:
/// <list type="number">
/// <item>isolation &amp; service access: <c>Policy</c>, <c>Role</c>, <c>Certificate</c>, <c>Issuer</c>, <c>Secret</c>, <c>Gateway</c>, <c>Route</c>, <c>Ingress</c>, <c>Quota</c>, <c>Limit</c>, <c>Authorization</c>, <c>Authentication</c>, <c>VirtualService</c>, <c>DestinationRule</c>, <c>ServiceEntry</c>, <c>Sidecar</c>, <c>Mesh</c> (checked first so that <c>NetworkPolicy</c> lands here, not in resource);</item>
/// <item>scheduling: <c>Queue</c>, <c>PodGroup</c>, <c>Schedul</c>, <c>Autoscal</c>, <c>Scaler</c>, <c>Priority</c>, <c>NodePool</c>, <c>NodeClaim</c>;</item>
/// <item>resource: <c>Network</c>, <c>Volume</c>, <c>Storage</c>, <c>Disk</c>, <c>Device</c>, <c>Node</c>, <c>IPPool</c>, <c>IPAM</c>, <c>Subnet</c>, <c>BGP</c>, <c>Snapshot</c>, <c>Bucket</c>, <c>Interface</c>.</item>
/// </list>
/// A kind with none of these words is application (the default for custom resources).
/// </summary>
public static class LayerHeuristics
{
    private static readonly (string Word, ResourceLayer Layer)[] Words =
    [
        ("Policy", ResourceLayer.IsolationAndServiceAccess),
        ("Role", ResourceLayer.IsolationAndServiceAccess),
        ("Certificate", ResourceLayer.IsolationAndServiceAccess),
        ("Issuer", ResourceLayer.IsolationAndServiceAccess),
        ("Secret", ResourceLayer.IsolationAndServiceAccess),
        ("Gateway", ResourceLayer.IsolationAndServiceAccess),
        ("Route", ResourceLayer.IsolationAndServiceAccess),
        ("Ingress", ResourceLayer.IsolationAndServiceAccess),
        ("Quota", ResourceLayer.IsolationAndServiceAccess),
        ("Limit", ResourceLayer.IsolationAndServiceAccess),
        ("Authorization", ResourceLayer.IsolationAndServiceAccess),
        ("Authentication", ResourceLayer.IsolationAndServiceAccess),
        ("VirtualService", ResourceLayer.IsolationAndServiceAccess),
        ("DestinationRule", ResourceLayer.IsolationAndServiceAccess),
        ("ServiceEntry", ResourceLayer.IsolationAndServiceAccess),
        ("Sidecar", ResourceLayer.IsolationAndServiceAccess),
        ("Mesh", ResourceLayer.IsolationAndServiceAccess),
        ("Queue", ResourceLayer.Scheduling),
        ("PodGroup", ResourceLayer.Scheduling),
        ("Schedul", ResourceLayer.Scheduling),
        ("Autoscal", ResourceLayer.Scheduling),
        ("Scaler", ResourceLayer.Scheduling),
        ("Priority", ResourceLayer.Scheduling),
        ("NodePool", ResourceLayer.Scheduling),
        ("NodeClaim", ResourceLayer.Scheduling),
        ("Network", ResourceLayer.Resource),
        ("Volume", ResourceLayer.Resource),
        ("Storage", ResourceLayer.Resource),
        ("Disk", ResourceLayer.Resource),
        ("Device", ResourceLayer.Resource),
        ("Node", ResourceLayer.Resource),
        ("IPPool", ResourceLayer.Resource),
        ("IPAM", ResourceLayer.Resource),
        ("Subnet", ResourceLayer.Resource),
        ("BGP", ResourceLayer.Resource),
        ("Snapshot", ResourceLayer.Resource),
        ("Bucket", ResourceLayer.Resource),
        ("Interface", ResourceLayer.Resource),
    ];

    /// <summary>The layer the kind's name suggests and the word that decided it, or null when no word matches.</summary>
    public static (ResourceLayer Layer, string Word)? Classify(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var (word, layer) in Words)
        {
            if (kind.Contains(word, StringComparison.Ordinal)) return (layer, word);
        }

        return null;
    }
}
