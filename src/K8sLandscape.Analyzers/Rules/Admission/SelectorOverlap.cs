using K8sLandscape.Model.Admission;

namespace K8sLandscape.Analyzers.Rules.Admission;

/// <summary>
/// Whether two label selectors can select the same object. Label keys are independent, so the
/// conjunction of both selectors is satisfiable exactly when, for every key, its requirements
/// together allow some state of that key (absent, or one value).
/// </summary>
internal static class SelectorOverlap
{
    public static bool CanOverlap(LabelSelector a, LabelSelector b)
    {
        var byKey = new Dictionary<string, KeyState>(StringComparer.Ordinal);
        foreach (var r in a.Requirements.Concat(b.Requirements))
        {
            if (!byKey.TryGetValue(r.Key, out var s)) byKey[r.Key] = s = new KeyState();
            switch (r.Operator)
            {
                case "In":
                    s.In = s.In is null ? new HashSet<string>(r.Values, StringComparer.Ordinal) : [.. s.In.Intersect(r.Values, StringComparer.Ordinal)];
                    break;
                case "NotIn":
                    s.NotIn.UnionWith(r.Values);
                    break;
                case "Exists":
                    s.MustExist = true;
                    break;
                case "DoesNotExist":
                    s.MustNotExist = true;
                    break;
                default:
                    // The API server rejects other operators; such a selector selects nothing.
                    return false;
            }
        }

        return byKey.Values.All(s => s.Satisfiable);
    }

    private sealed class KeyState
    {
        public HashSet<string>? In { get; set; }

        public HashSet<string> NotIn { get; } = new(StringComparer.Ordinal);

        public bool MustExist { get; set; }

        public bool MustNotExist { get; set; }

        public bool Satisfiable
        {
            get
            {
                var present = MustExist || In is not null;
                if (present && MustNotExist) return false;
                if (In is not null) return In.Any(v => !NotIn.Contains(v));
                return true;
            }
        }
    }
}
