using K8sLandscape.Loading;

namespace K8sLandscape.Model.Network;

/// <summary>A CNI network configuration file (<c>.conf</c> with one plugin, or <c>.conflist</c>).</summary>
/// <param name="FileName">The file name, e.g. <c>10-calico.conflist</c>.</param>
/// <param name="Directory">The directory holding it (empty for objects created in code).</param>
/// <param name="Name">The network name.</param>
/// <param name="CniVersion">The declared <c>cniVersion</c>, or null.</param>
/// <param name="IsList">True for a configuration list (<c>plugins</c> array).</param>
/// <param name="Plugins">The plugins in call order.</param>
/// <param name="Object">The configuration document.</param>
public sealed record CniConfigFile(
    string FileName,
    string Directory,
    string Name,
    string? CniVersion,
    bool IsList,
    IReadOnlyList<CniPluginReference> Plugins,
    KubeObject Object)
{
    /// <summary>The type of the first plugin: the one that creates the interface.</summary>
    public string? MainType => Plugins.Count > 0 ? Plugins[0].Type : null;
}
