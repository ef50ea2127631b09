using System.Text.RegularExpressions;
using FluentValidation;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>Judges the values of a configuration file; every failure carries the offending <see cref="ConfigScalar"/> as its state.</summary>
internal sealed partial class ConfigDocumentValidator : AbstractValidator<ConfigDocument>
{
    public ConfigDocumentValidator()
    {
        RuleFor(d => d.KubernetesVersion!)
            .Must(v => KubernetesVersion.TryParse(v.Value, out var k) && k.Major == 1)
            .When(d => d.KubernetesVersion is not null)
            .WithMessage(v => $"'{v.KubernetesVersion!.Value}' is not a Kubernetes version such as \"1.34\"")
            .WithState(d => d.KubernetesVersion!);

        RuleFor(d => d.MinimumSeverity!)
            .Must(v => SeverityText.TryParse(v.Value, out _))
            .When(d => d.MinimumSeverity is not null)
            .WithMessage(d => $"'{d.MinimumSeverity!.Value}' is not a severity; use error, warning or info")
            .WithState(d => d.MinimumSeverity!);

        RuleForEach(d => d.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Id)
                .Must(id => RuleIds.IsWellFormed(id.Value))
                .WithMessage(r => $"'{r.Id.Value}' is not a rule id (letters then digits, such as KL3001 or ACME001)")
                .WithState(r => r.Id);
            rule.RuleFor(r => r.Severity!)
                .Must(s => SeverityText.TryParse(s.Value, out _))
                .When(r => r.Severity is not null)
                .WithMessage(r => $"'{r.Severity!.Value}' is not a severity; use error, warning or info")
                .WithState(r => r.Severity!);
            rule.RuleFor(r => r.Enabled!)
                .Must(e => e.Value is "true" or "false")
                .When(r => r.Enabled is not null)
                .WithMessage(r => $"'{r.Enabled!.Value}' is not a boolean; use true or false")
                .WithState(r => r.Enabled!);
        });

        RuleForEach(d => d.ExcludedPaths)
            .Must(p => PathGlob.TryCreate(p.Value, out _))
            .WithMessage((_, p) => $"'{p.Value}' is not a path glob (use '/' separators, '*', '**' and '?')")
            .WithState((_, p) => p);

        RuleForEach(d => d.ExcludedNamespaces)
            .Must(n => NamespaceName().IsMatch(n.Value))
            .WithMessage((_, n) => $"'{n.Value}' is not a namespace name (lower-case letters, digits and '-', at most 63)")
            .WithState((_, n) => n);

        RuleForEach(d => d.Plugins)
            .Must(p => p.Value.Trim().EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .WithMessage((_, p) => $"'{p.Value}' is not a rule assembly: give the path of a .dll")
            .WithState((_, p) => p);

        RuleForEach(d => d.Ignores).ChildRules(entry =>
        {
            entry.RuleFor(i => i.Rule!)
                .Must(r => RuleIds.IsWellFormed(r.Value))
                .When(i => i.Rule is not null)
                .WithMessage(i => $"'{i.Rule!.Value}' is not a rule id (letters then digits, such as KL3001 or ACME001)")
                .WithState(i => i.Rule!);
            entry.RuleFor(i => i.Kind!)
                .Must(k => KindName().IsMatch(k.Value))
                .When(i => i.Kind is not null)
                .WithMessage(i => $"'{i.Kind!.Value}' is not a kind such as StorageClass")
                .WithState(i => i.Kind!);
            entry.RuleFor(i => i.Namespace!)
                .Must(n => NamespaceName().IsMatch(n.Value))
                .When(i => i.Namespace is not null)
                .WithMessage(i => $"'{i.Namespace!.Value}' is not a namespace name (lower-case letters, digits and '-', at most 63)")
                .WithState(i => i.Namespace!);
            entry.RuleFor(i => i.Name!)
                .Must(n => NameGlob.TryCreate(n.Value, out _))
                .When(i => i.Name is not null)
                .WithMessage("a name glob must not be empty")
                .WithState(i => i.Name!);
            entry.RuleFor(i => i.Path!)
                .Must(p => PathGlob.TryCreate(p.Value, out _))
                .When(i => i.Path is not null)
                .WithMessage(i => $"'{i.Path!.Value}' is not a path glob (use '/' separators, '*', '**' and '?')")
                .WithState(i => i.Path!);
        });

        RuleForEach(d => d.Catalog)
            .Must(c => c.Value.Trim().Length > 0)
            .WithMessage("a catalog entry must be a file path")
            .WithState((_, c) => c);

        RuleForEach(d => d.MustMatch)
            .Must(m => IsPointPattern(m.Value))
            .WithMessage((_, m) => $"'{m.Value}' is not an extension point name (such as pod-network) or a prefix ending in '*' (such as api-group:*)")
            .WithState((_, m) => m);
    }

    private static bool IsPointPattern(string value)
    {
        var star = value.IndexOf('*', StringComparison.Ordinal);
        return value.Trim().Length > 0 && (star < 0 || star == value.Length - 1);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespaceName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex KindName();
}
