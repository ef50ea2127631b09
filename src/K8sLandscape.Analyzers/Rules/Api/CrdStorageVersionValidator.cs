using FluentValidation;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;
using k8s.Models;

namespace K8sLandscape.Analyzers.Rules.Api;

/// <summary>KL5101: a v1 CustomResourceDefinition must mark exactly one version as the storage version.</summary>
internal sealed class CrdStorageVersionValidator : ObjectValidator<V1CustomResourceDefinition>
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL5101",
        "CustomResourceDefinition must mark exactly one version as storage",
        "CustomResourceDefinition '{0}' marks {1} of its {2} version(s) as the storage version; exactly one must be",
        RuleCategory.Api,
        DiagnosticSeverity.Error,
        """
        The API server keeps every custom object of a CRD in etcd in one version, the *storage
        version*, and converts to and from it on every read and write. `apiextensions.k8s.io/v1`
        validation therefore rejects a CustomResourceDefinition whose `spec.versions` has no entry
        with `storage: true`, or more than one ("must have exactly one version marked as storage
        version"). Such a manifest fails to apply, and every custom resource and operator that
        depends on the CRD fails with it.
        """,
        """
        Set `storage: true` on exactly one entry of `spec.versions` (usually the newest stable one)
        and `storage: false` on the others. When changing the storage version of a live CRD, keep
        the old version `served` until existing objects have been migrated (rewritten) and the old
        version removed from `status.storedVersions`.
        """);

    public CrdStorageVersionValidator()
    {
        DefineRulesOnFirstUse(() =>
        {
            RuleFor(c => c.Spec == null ? null : c.Spec.Versions)
                .Must(versions => CountStorage(versions) == 1)
                .OverridePropertyName("spec.versions")
                .WithFinding((crd, versions) => [crd.Metadata?.Name, CountStorage(versions), versions?.Count ?? 0], "spec.versions");
        });
    }

    public override RuleDescriptor Rule => Descriptor;

    public override IReadOnlyList<GroupKind> Kinds { get; } = [new("apiextensions.k8s.io", "CustomResourceDefinition")];

    // v1beta1 (removed in 1.22) allowed a single top-level spec.version instead of a versions list.
    protected override V1CustomResourceDefinition? Read(KubeObject obj) => obj.Version == "v1" ? base.Read(obj) : null;

    private static int CountStorage(IList<V1CustomResourceDefinitionVersion>? versions) => versions?.Count(v => v.Storage) ?? 0;
}
