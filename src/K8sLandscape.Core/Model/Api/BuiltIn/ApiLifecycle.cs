namespace K8sLandscape.Model.Api.BuiltIn;

/// <summary>The answer of <c>ApiLifecycleTable.Lookup</c>: the status at the target release and what to migrate to.</summary>
/// <param name="Status">Served, deprecated, removed or unknown at the target release.</param>
/// <param name="Entry">The migration-guide entry, when the version is deprecated or removed in some release.</param>
public sealed record ApiLifecycle(ApiLifecycleStatus Status, ApiLifecycleEntry? Entry)
{
    /// <summary>The <c>apiVersion</c> to migrate to, or null.</summary>
    public string? ReplacementApiVersion => Entry?.ReplacementApiVersion;
}
