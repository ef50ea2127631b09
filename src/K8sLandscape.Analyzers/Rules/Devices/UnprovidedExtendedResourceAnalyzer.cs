using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Devices;

/// <summary>KL4003: a workload requests an extended resource nothing in the input provides.</summary>
internal sealed class UnprovidedExtendedResourceAnalyzer : LandscapeAnalyzer
{
    private const string ImplicitDraPrefix = "deviceclass.resource.kubernetes.io/";

    public static RuleDescriptor Descriptor { get; } = new(
        "KL4003",
        "A workload requests an extended resource that no plugin or DRA class provides",
        "{0} container '{1}' requests extended resource '{2}', which no device plugin, DRA DeviceClass or Node in the input provides",
        RuleCategory.Devices,
        DiagnosticSeverity.Warning,
        """
        An extended resource (`nvidia.com/gpu`, `amd.com/gpu`, `gpu.intel.com/i915`) exists on a node only
        when something advertises it there: a device plugin registered with the kubelet, a DRA DeviceClass
        with `spec.extendedResourceName` (or the implicit `deviceclass.resource.kubernetes.io/<class>`
        name), or an administrator patching the Node's capacity. The API server accepts any such name in a
        container's requests, and the scheduler then finds no node with it: the pod stays `Pending` with
        `0/N nodes are available: N Insufficient <resource>`, and a Deployment or Job never makes progress.
        A misspelt resource name, a plugin not yet installed, or a vendor prefix copied from another cluster
        all look like this.

        Only inputs that describe the nodes' devices are judged — at least one Node or one device plugin —
        because an application's manifests alone say nothing about the cluster's hardware. A resource
        counts as provided when a recognized device plugin registers it, a DeviceClass names it, or any
        Node in the input advertises it in `status.capacity` or `status.allocatable`.
        """,
        """
        Install the device plugin (or DRA driver and DeviceClass) for the resource, or correct the resource
        name to the one the installed plugin registers.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var landscape = context.Landscape;
        var devices = landscape.Devices;
        if (landscape.Objects.OfKind("", "Node").Count == 0 && devices.DevicePlugins.Count == 0) return;
        var classNames = devices.DeviceClasses.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in devices.ExtendedResources)
        {
            if (resource.Requests.Count == 0 || resource.Providers.Count > 0 || resource.Nodes.Count > 0) continue;
            if (resource.Name.StartsWith(ImplicitDraPrefix, StringComparison.Ordinal) && classNames.Contains(resource.Name[ImplicitDraPrefix.Length..])) continue;
            foreach (var r in resource.Requests)
            {
                context.Report(Descriptor, r.Location, null, r.Workload.Ref, Parties.KindAndName(r.Workload), r.Container, resource.Name);
            }
        }
    }
}
