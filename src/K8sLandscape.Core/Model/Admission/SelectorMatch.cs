namespace K8sLandscape.Model.Admission;

/// <summary>Whether a label selector selects something whose labels may be only partly known.</summary>
public enum SelectorMatch
{
    /// <summary>It certainly does not select it.</summary>
    NoMatch,

    /// <summary>It may select it: the labels that decide are not known.</summary>
    Unknown,

    /// <summary>It certainly selects it.</summary>
    Match,
}
