namespace K8sLandscape.Model.Network;

/// <summary>One plugin of a CNI network configuration: its <c>type</c> (the binary in <c>/opt/cni/bin</c>).</summary>
/// <param name="Type">The plugin type, e.g. <c>calico</c>, <c>portmap</c>.</param>
/// <param name="ComponentId">The catalog component with this CNI type, or null.</param>
/// <param name="Role">The component's CNI role (<c>primary</c>, <c>chained</c>, <c>meta</c>), or null.</param>
public sealed record CniPluginReference(string Type, string? ComponentId, string? Role);
