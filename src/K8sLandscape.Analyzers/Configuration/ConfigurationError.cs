using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>One problem in configuration: where, which key, and what is wrong.</summary>
/// <param name="Location">The file, line and column of the key (or <see cref="SourceSpan.None"/> for settings made in code).</param>
/// <param name="Key">The key's path, for example <c>rules.KL3001.severity</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ConfigurationError(SourceSpan Location, string Key, string Message)
{
    /// <summary>Formats as <c>file:line:column: key: message</c>.</summary>
    public override string ToString() => Location.IsKnown ? $"{Location}: {Key}: {Message}" : $"{Key}: {Message}";
}
