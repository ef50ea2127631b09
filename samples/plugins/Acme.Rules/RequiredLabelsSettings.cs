namespace Acme.Rules;

/// <summary>The settings of <see cref="RequiredLabelsRule"/>; each property is a key under <c>options:</c>.</summary>
public sealed class RequiredLabelsSettings
{
    /// <summary>Labels every workload must carry.</summary>
    public IReadOnlyList<string> Labels { get; init; } = ["acme.example/team"];

    /// <summary>The kinds (group <c>apps</c>) checked.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = ["Deployment", "DaemonSet", "StatefulSet"];
}
