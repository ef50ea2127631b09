namespace K8sLandscape.Model.Admission;

/// <summary>The two admission phases: mutation runs first, validation after every mutation.</summary>
public enum AdmissionKind
{
    /// <summary>May change the object (mutating webhooks, MutatingAdmissionPolicy).</summary>
    Mutating,

    /// <summary>May only accept or reject (validating webhooks, ValidatingAdmissionPolicy).</summary>
    Validating,
}
