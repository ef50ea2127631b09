namespace K8sLandscape.Loading;

/// <summary>How a source's bytes are read.</summary>
public enum InputKind
{
    /// <summary>Decide from the file name and content.</summary>
    Auto = 0,

    /// <summary>YAML (multi-document; JSON documents are YAML too).</summary>
    Yaml,

    /// <summary>JSON (one or more top-level values).</summary>
    Json,

    /// <summary>A CNI network configuration (<c>.conf</c> or <c>.conflist</c>, JSON).</summary>
    CniConfig,

    /// <summary>A TOML container runtime configuration (containerd <c>config.toml</c>, CRI-O <c>crio.conf</c>).</summary>
    Toml,
}
