using FluentValidation;
using K8sLandscape.Model;

namespace K8sLandscape.Catalog;

/// <summary>Checks that enumerated capability values are among the documented ones (see <see cref="ComponentCapabilities"/>).</summary>
public sealed class CapabilitiesValidator : AbstractValidator<ComponentCapabilities>
{
    /// <summary>CNI roles.</summary>
    public static IReadOnlyList<string> CniRoles { get; } = ["primary", "chained", "meta"];

    /// <summary>Data-plane modes.</summary>
    public static IReadOnlyList<string> DataPlanes { get; } = ["overlay", "routed", "underlay"];

    /// <summary>The Kubernetes volume access modes.</summary>
    public static IReadOnlyList<string> AccessModes { get; } = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"];

    /// <summary>Storage categories.</summary>
    public static IReadOnlyList<string> StorageCategories { get; } = ["distributed-block", "distributed-file", "local-disk", "nas", "cloud-block", "cloud-file", "object"];

    /// <summary>Runtime handler isolation kinds.</summary>
    public static IReadOnlyList<string> Isolations { get; } = ["shared-kernel", "vm-sandbox", "user-space-kernel"];

    /// <summary>CRI API versions.</summary>
    public static IReadOnlyList<string> CriVersions { get; } = ["v1alpha2", "v1"];

    /// <summary>Creates the validator.</summary>
    public CapabilitiesValidator()
    {
        RuleFor(c => c.CniRole).Must(v => CniRoles.Contains(v!)).When(c => c.CniRole is not null).WithMessage(c => OneOf(c.CniRole, CniRoles));
        RuleFor(c => c.DataPlane).Must(v => DataPlanes.Contains(v!)).When(c => c.DataPlane is not null).WithMessage(c => OneOf(c.DataPlane, DataPlanes));
        RuleForEach(c => c.Encapsulation).Must(ComponentDefinitionValidator.IsLowercaseToken).WithMessage((_, v) => $"'{v}' must be lowercase with no spaces");
        RuleForEach(c => c.AccessModes).Must(v => AccessModes.Contains(v)).WithMessage((_, v) => OneOf(v, AccessModes));
        RuleFor(c => c.StorageCategory).Must(v => StorageCategories.Contains(v!)).When(c => c.StorageCategory is not null).WithMessage(c => OneOf(c.StorageCategory, StorageCategories));
        RuleFor(c => c.Isolation).Must(v => Isolations.Contains(v!)).When(c => c.Isolation is not null).WithMessage(c => OneOf(c.Isolation, Isolations));
        RuleForEach(c => c.CriVersions).Must(v => CriVersions.Contains(v)).WithMessage((_, v) => OneOf(v, CriVersions));
        RuleFor(c => c.OperatorCapabilityLevel).InclusiveBetween(1, 5).When(c => c.OperatorCapabilityLevel is not null)
            .WithMessage(c => $"'{c.OperatorCapabilityLevel}' must be 1 (basic install) to 5 (auto pilot)");
        RuleForEach(c => c.InjectionSelectors).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage("must be a non-empty value without spaces");
        RuleForEach(c => c.Extra).Must(p => ComponentDefinitionValidator.HasNoSpace(p.Key)).WithMessage("keys must be non-empty without spaces");
    }

    private static string OneOf(string? value, IReadOnlyList<string> allowed) => $"'{value}' must be one of: {string.Join(", ", allowed)}";
}
