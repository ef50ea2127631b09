using System.Text.RegularExpressions;
using FluentValidation;
using K8sLandscape.Model;

namespace K8sLandscape.Catalog;

/// <summary>
/// Checks one catalog entry on its own: identifiers, lowercase categories and provides, at least one
/// fingerprint, fingerprint value shapes and the enumerated capability values. Relations between
/// entries (duplicate ids) are checked by the catalog reader.
/// </summary>
public sealed partial class ComponentDefinitionValidator : AbstractValidator<ComponentDefinition>
{
    /// <summary>Creates the validator.</summary>
    public ComponentDefinitionValidator()
    {
        // Separate rules: a When on a chain would also switch off the NotEmpty before it.
        RuleFor(c => c.Id).NotEmpty().WithMessage("is required");
        RuleFor(c => c.Id).Must(IsId).When(c => c.Id.Length > 0).WithMessage(c => $"'{c.Id}' is not a valid id: use lowercase letters, digits, '.' and '-', starting with a letter or digit");
        RuleFor(c => c.Name).NotEmpty().WithMessage("is required");
        RuleFor(c => c.Category).NotEmpty().WithMessage("is required");
        RuleFor(c => c.Category).Must(IsId).When(c => c.Category.Length > 0).WithMessage(c => $"'{c.Category}' is not a valid category: use lowercase letters, digits and '-'");
        RuleForEach(c => c.Provides).Must(IsLowercaseToken).WithMessage((_, v) => $"'{v}' must be lowercase with no spaces");
        RuleForEach(c => c.Includes).Must(IsId).WithMessage((_, v) => $"'{v}' is not a component id");
        RuleFor(c => c.Homepage).Must(IsHttpUrl).When(c => c.Homepage is not null).WithMessage(c => $"'{c.Homepage}' is not an absolute http(s) URL");
        RuleFor(c => c.Fingerprints).Must(f => !f.IsEmpty).WithMessage("at least one fingerprint is required (images, crdGroups, workloads, ...)");
        RuleFor(c => c.Fingerprints).SetValidator(new FingerprintsValidator());
        RuleFor(c => c.Capabilities).SetValidator(new CapabilitiesValidator());
    }

    internal static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    internal static bool IsLowercaseToken(string? value) => value is not null && TokenPattern().IsMatch(value);

    internal static bool HasNoSpace(string? value) => !string.IsNullOrEmpty(value) && !value.Any(char.IsWhiteSpace);

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
