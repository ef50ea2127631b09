namespace K8sLandscape.Loading;

/// <summary>
/// Identifies an object the way the API server does: group, kind, namespace and name. Two documents
/// with the same reference describe the same object in a cluster.
/// </summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Namespace">The namespace, or null for cluster-scoped objects.</param>
/// <param name="Name">The object's name.</param>
public sealed record ObjectRef(string Group, string Kind, string? Namespace, string Name) : IComparable<ObjectRef>
{
    // A reference is looked up in dictionaries many times over (every object once per rule that
    // groups by identity), so its hash is computed once; 0 means not yet. A copy made with 'with'
    // starts without one, since its fields may differ.
    private int _hash;

    private ObjectRef(ObjectRef original)
    {
        Group = original.Group;
        Kind = original.Kind;
        Namespace = original.Namespace;
        Name = original.Name;
    }

    /// <summary>Equal when group, kind, namespace and name are equal (ordinal).</summary>
    public bool Equals(ObjectRef? other) =>
        ReferenceEquals(this, other)
        || other is not null
        && GetHashCode() == other.GetHashCode()
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Namespace, other.Namespace, StringComparison.Ordinal)
        && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && string.Equals(Group, other.Group, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash == 0)
        {
            hash = HashCode.Combine(Group, Kind, Namespace, Name);
            if (hash == 0) hash = 1;
            _hash = hash;
        }

        return hash;
    }

    /// <inheritdoc />
    public int CompareTo(ObjectRef? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(Group, other.Group);
        if (c == 0) c = string.CompareOrdinal(Kind, other.Kind);
        if (c == 0) c = string.CompareOrdinal(Namespace ?? string.Empty, other.Namespace ?? string.Empty);
        if (c == 0) c = string.CompareOrdinal(Name, other.Name);
        return c;
    }

    /// <summary>Orders by group, kind, namespace, name.</summary>
    public static bool operator <(ObjectRef? left, ObjectRef? right) => Compare(left, right) < 0;

    /// <summary>Orders by group, kind, namespace, name.</summary>
    public static bool operator >(ObjectRef? left, ObjectRef? right) => Compare(left, right) > 0;

    /// <summary>Orders by group, kind, namespace, name.</summary>
    public static bool operator <=(ObjectRef? left, ObjectRef? right) => Compare(left, right) <= 0;

    /// <summary>Orders by group, kind, namespace, name.</summary>
    public static bool operator >=(ObjectRef? left, ObjectRef? right) => Compare(left, right) >= 0;

    private static int Compare(ObjectRef? left, ObjectRef? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>Formats as <c>Kind.group namespace/name</c>.</summary>
    public override string ToString()
    {
        var gk = new GroupKind(Group, Kind).ToString();
        return Namespace is null ? $"{gk} {Name}" : $"{gk} {Namespace}/{Name}";
    }
}
