namespace K8sLandscape.Model.Storage;

/// <summary>One gRPC service of the CSI specification.</summary>
/// <param name="Name"><c>Identity</c>, <c>Controller</c> or <c>Node</c>.</param>
/// <param name="Rpcs">Its RPCs.</param>
/// <param name="Capabilities">The capabilities a plugin advertises for it (<c>GetPluginCapabilities</c>, <c>ControllerGetCapabilities</c>, <c>NodeGetCapabilities</c>).</param>
/// <param name="RunsIn">Where the Kubernetes deployment runs it.</param>
public sealed record CsiService(string Name, IReadOnlyList<string> Rpcs, IReadOnlyList<string> Capabilities, string RunsIn);
