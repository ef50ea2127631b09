using K8sLandscape.Loading;

namespace K8sLandscape.Model.Scheduling;

/// <summary>A PriorityClass.</summary>
/// <param name="Object">The PriorityClass object.</param>
/// <param name="Value">Its <c>value</c>, or null when absent or not an integer.</param>
/// <param name="ValueText">The <c>value</c> as written (<c>unset</c> when absent), for messages.</param>
/// <param name="GlobalDefault">Whether <c>globalDefault</c> is true.</param>
/// <param name="PreemptionPolicy">Its <c>preemptionPolicy</c>, or null.</param>
public sealed record PriorityClassInfo(KubeObject Object, long? Value, string ValueText, bool GlobalDefault, string? PreemptionPolicy)
{
    /// <summary>The class name.</summary>
    public string Name => Object.Name;
}
