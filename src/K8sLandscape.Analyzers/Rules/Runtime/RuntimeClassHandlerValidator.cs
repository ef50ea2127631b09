using System.Text.RegularExpressions;
using FluentValidation;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;
using k8s.Models;

namespace K8sLandscape.Analyzers.Rules.Runtime;

/// <summary>KL1101: a RuntimeClass must name its CRI handler as a DNS label.</summary>
internal sealed partial class RuntimeClassHandlerValidator : ObjectValidator<V1RuntimeClass>
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL1101",
        "RuntimeClass must name a handler that is a DNS label",
        "RuntimeClass '{0}' {1}; handler must be a DNS label naming a CRI runtime handler configured on the nodes",
        RuleCategory.Runtime,
        DiagnosticSeverity.Error,
        """
        A RuntimeClass maps a name pods use (`spec.runtimeClassName`) to a *handler*: the name of a
        runtime configured in the node's CRI implementation (for example containerd's
        `plugins."io.containerd.grpc.v1.cri".containerd.runtimes.<handler>`, or CRI-O's
        `[crio.runtime.runtimes.<handler>]`). `handler` is required and immutable, and must be a
        lower-case DNS label; the API server rejects a RuntimeClass without one, and every pod that
        names the class then fails admission.
        """,
        """
        Set `handler` to the runtime's name exactly as configured on the nodes (`runc`, `kata`,
        `runsc`, `nvidia`), for example `handler: kata`. Check the nodes' containerd or CRI-O
        configuration for the names available.
        """);

    public RuntimeClassHandlerValidator()
    {
        DefineRulesOnFirstUse(() =>
        {
            RuleFor(r => r.Handler)
                .Must(h => h is not null && DnsLabel().IsMatch(h))
                .WithFinding((r, h) => [r.Metadata?.Name, h is null or "" ? "has no handler" : $"has handler '{h}'"]);
        });
    }

    public override RuleDescriptor Rule => Descriptor;

    public override IReadOnlyList<GroupKind> Kinds { get; } = [new("node.k8s.io", "RuntimeClass")];

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();
}
