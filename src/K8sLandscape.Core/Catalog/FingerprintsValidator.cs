using FluentValidation;
using K8sLandscape.Model;

namespace K8sLandscape.Catalog;

/// <summary>Checks the shape of fingerprint values: no empty or blank values, repository paths without registry or tag, labels as <c>key=value</c>.</summary>
public sealed class FingerprintsValidator : AbstractValidator<Fingerprints>
{
    private const string Blank = "must be a non-empty value without spaces";

    /// <summary>Creates the validator.</summary>
    public FingerprintsValidator()
    {
        RuleForEach(f => f.Images).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank)
            .Must(NotTagged).WithMessage((_, v) => $"'{v}' must be a repository path without tag or digest (e.g. calico/node)")
            .Must(NoRegistry).WithMessage((_, v) => $"'{v}' looks like it starts with a registry host; write the repository path only (registries vary by mirror)");
        RuleForEach(f => f.CrdGroups).Must(ComponentDefinitionValidator.IsId).WithMessage((_, v) => $"'{v}' is not an API group (lowercase DNS name)");
        RuleForEach(f => f.Crds).Must(IsCrdName).WithMessage((_, v) => $"'{v}' is not a CRD name (<plural>.<group>, lowercase)");
        RuleForEach(f => f.Workloads).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.CsiDrivers).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.Provisioners).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.ExtendedResources).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.DraDrivers).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.Webhooks).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank)
            .Must(w => w is null || w.LastIndexOf('*') <= 0).WithMessage((_, v) => $"'{v}': '*' is only allowed as a leading '*.' prefix");
        RuleForEach(f => f.CniTypes).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.RuntimeEngines).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.RuntimeHandlers).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.IngressControllers).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.GatewayControllers).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.Schedulers).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
        RuleForEach(f => f.Labels).Must(IsLabel).WithMessage((_, v) => $"'{v}' must be a label written as key=value");
        RuleForEach(f => f.OlmPackages).Must(ComponentDefinitionValidator.HasNoSpace).WithMessage(Blank);
    }

    private static bool NotTagged(string? image) =>
        image is null || (!image.Contains('@', StringComparison.Ordinal) && !image.Contains(':', StringComparison.Ordinal));

    private static bool NoRegistry(string? image)
    {
        if (image is null) return true;
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return true;
        var head = image.AsSpan(0, slash);
        return !head.Contains('.') && !head.SequenceEqual("localhost");
    }

    private static bool IsCrdName(string? name)
    {
        var dot = name?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && ComponentDefinitionValidator.IsId(name![..dot]) && ComponentDefinitionValidator.IsId(name[(dot + 1)..]);
    }

    private static bool IsLabel(string? label)
    {
        if (label is null) return false;
        var eq = label.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && ComponentDefinitionValidator.HasNoSpace(label[..eq]) && !label.AsSpan(eq + 1).ContainsAny(" \t=");
    }
}
