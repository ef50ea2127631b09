using K8sLandscape.Loading;

namespace K8sLandscape.Core.Tests.Loading;

public class ObjectRefTests
{
    [Fact]
    public void References_with_equal_parts_are_equal_and_hash_alike_whatever_their_string_instances()
    {
        var a = new ObjectRef("apps", "Deployment", "shop", "web");
        var b = new ObjectRef(new string("apps".AsSpan()), new string("Deployment".AsSpan()), new string("shop".AsSpan()), new string("web".AsSpan()));

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<ObjectRef> { a, b });
    }

    [Theory]
    [InlineData("", "Deployment", "shop", "web")]
    [InlineData("apps", "StatefulSet", "shop", "web")]
    [InlineData("apps", "Deployment", null, "web")]
    [InlineData("apps", "Deployment", "shop", "api")]
    public void A_reference_differing_in_any_part_is_not_equal(string group, string kind, string? ns, string name)
    {
        var a = new ObjectRef("apps", "Deployment", "shop", "web");
        var other = new ObjectRef(group, kind, ns, name);

        Assert.NotEqual(a, other);
        Assert.False(a.Equals(other));
        Assert.False(a.Equals((object)other));
    }

    [Fact]
    public void A_copy_made_with_with_hashes_its_own_parts_not_the_hash_of_its_original()
    {
        var original = new ObjectRef("apps", "Deployment", "shop", "web");
        _ = original.GetHashCode(); // the original has cached its hash before the copy is made

        var renamed = original with { Name = "api" };

        Assert.NotEqual(original, renamed);
        Assert.Equal(new ObjectRef("apps", "Deployment", "shop", "api").GetHashCode(), renamed.GetHashCode());
        Assert.Equal(new ObjectRef("apps", "Deployment", "shop", "api"), renamed);
        var set = new HashSet<ObjectRef> { original };
        Assert.DoesNotContain(renamed, set);
        Assert.Contains(original with { }, set);
    }

    [Fact]
    public void Null_is_equal_to_no_reference()
    {
        var a = new ObjectRef("", "ConfigMap", "shop", "settings");

        Assert.False(a.Equals(null));
        Assert.False(a == null);
        Assert.True((ObjectRef?)null == null);
    }
}
