namespace K8sLandscape.Model.Runtime;

/// <summary>How the kubelet's CRI calls reach the process that creates containers, hop by hop.</summary>
/// <param name="Engine">The CRI engine, as in a Node's <c>containerRuntimeVersion</c> scheme (<c>containerd</c>, <c>docker</c>).</param>
/// <param name="Steps">The processes in call order, starting with the kubelet.</param>
/// <param name="Note">Why the chain looks this way, or null.</param>
public sealed record RuntimeCallChain(string Engine, IReadOnlyList<string> Steps, string? Note = null)
{
    /// <summary>The chain as <c>kubelet → containerd → ...</c>.</summary>
    public override string ToString() => string.Join(" → ", Steps);
}
