using FluentValidation;
using K8sLandscape.Analyzers.Validation;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Storage;

/// <summary>KL3101: a StorageClass is cluster-scoped and must not name a namespace.</summary>
internal sealed class StorageClassNamespaceValidator : ObjectValidator<KubeObject>
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL3101",
        "StorageClass is cluster-scoped but names a namespace",
        "StorageClass '{0}' sets metadata.namespace '{1}', but StorageClasses are cluster-scoped",
        RuleCategory.Storage,
        DiagnosticSeverity.Warning,
        """
        StorageClasses are cluster-scoped: one StorageClass serves PersistentVolumeClaims in every
        namespace. The API server ignores `metadata.namespace` on cluster-scoped objects (it clears it
        on create), so a namespace here does not limit who can use the class. It usually means the
        author expected a per-team or per-tenant class; two such "namespaced" copies with one name
        overwrite each other, and a `storageclass.kubernetes.io/is-default-class` annotation on one
        of them makes it the default for the whole cluster.
        """,
        """
        Remove `metadata.namespace`. To limit which namespaces can use a class, use a ResourceQuota
        with `<class>.storageclass.storage.k8s.io/requests.storage` or an admission policy instead.
        """);

    public StorageClassNamespaceValidator()
    {
        DefineRulesOnFirstUse(() =>
        {
            RuleFor(o => o.Namespace)
                .Null()
                .WithFinding((o, ns) => [o.Name, ns], "metadata.namespace");
        });
    }

    public override RuleDescriptor Rule => Descriptor;

    public override IReadOnlyList<GroupKind> Kinds { get; } = [new("storage.k8s.io", "StorageClass")];
}
