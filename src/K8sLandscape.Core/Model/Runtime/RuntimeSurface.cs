using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Model.Runtime;

/// <summary>
/// The runtime extension surface: the CRI engine and kubelet of every Node, the OCI runtime handlers
/// configured in containerd and CRI-O configuration files, and RuntimeClasses.
/// </summary>
public sealed class RuntimeSurface
{
    /// <summary>The extension point of the CRI engine: one engine across all nodes is expected.</summary>
    public const string ContainerRuntimePoint = "container-runtime";

    /// <summary>The extension point of OCI runtime handlers: several (runc plus a sandbox) are normal.</summary>
    public const string RuntimeHandlersPoint = "runtime-handlers";

    internal RuntimeSurface()
    {
    }

    /// <summary>Every Node's runtime, sorted by node name.</summary>
    public IReadOnlyList<NodeRuntime> Nodes { get; internal init; } = [];

    /// <summary>The distinct engines the Nodes report, sorted.</summary>
    public IReadOnlyList<string> Engines { get; internal init; } = [];

    /// <summary>Handlers from containerd and CRI-O configuration files, in file then handler order.</summary>
    public IReadOnlyList<RuntimeHandler> Handlers { get; internal init; } = [];

    /// <summary>RuntimeClasses, sorted by name.</summary>
    public IReadOnlyList<RuntimeClassInfo> RuntimeClasses { get; internal init; } = [];

    /// <summary>The extension points of this area.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; internal init; } = [];
}
