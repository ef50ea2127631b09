namespace K8sLandscape.Loading.Yaml;

/// <summary>A YAML parser seen as a stream of <see cref="YamlEvent"/>s (stream start already consumed).</summary>
internal interface IYamlEventSource
{
    /// <summary>The next event; <see cref="YamlEventKind.StreamEnd"/> at the end, and ever after.</summary>
    YamlEvent Next();
}
