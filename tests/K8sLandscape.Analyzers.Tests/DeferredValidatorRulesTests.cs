using K8sLandscape.Analyzers.Rules.Storage;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Tests;

/// <summary>Built-in validators define their FluentValidation rules on first use, not when created.</summary>
public class DeferredValidatorRulesTests
{
    private static KubeObject NamespacedStorageClass() =>
        TestLandscapes.FromYaml("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: s\n  namespace: team\n").Objects.All.Single();

    [Fact]
    public void Rules_are_defined_once_when_many_threads_validate_first()
    {
        var obj = NamespacedStorageClass();
        var validator = new StorageClassNamespaceValidator();
        var failures = new int[32];

        Parallel.For(0, failures.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => failures[i] = validator.ValidateObject(obj).Count);

        // A rule defined twice would fail the object twice.
        Assert.All(failures, count => Assert.Equal(1, count));
        Assert.Single(validator.ValidateObject(obj));
    }

    [Fact]
    public async Task The_FluentValidation_entry_points_see_the_deferred_rules()
    {
        var obj = NamespacedStorageClass();

        Assert.Single(new StorageClassNamespaceValidator().Validate(obj).Errors);
        Assert.Single((await new StorageClassNamespaceValidator().ValidateAsync(obj)).Errors);
        Assert.NotEmpty(new StorageClassNamespaceValidator().CreateDescriptor().GetMembersWithValidators());
    }
}
