namespace K8sLandscape.Model.Api;

/// <summary>How a CRD converts objects between its versions.</summary>
public enum ConversionStrategy
{
    /// <summary>Only <c>apiVersion</c> is changed (the default).</summary>
    None = 0,

    /// <summary>A conversion webhook converts objects.</summary>
    Webhook,
}
