namespace K8sLandscape.Model.Devices;

/// <summary>The kubelet device plugin API as data (<c>k8s.io/kubelet/pkg/apis/deviceplugin/v1beta1</c>).</summary>
public static class DevicePluginInterface
{
    /// <summary>The API version plugins register with.</summary>
    public const string ApiVersion = "v1beta1";

    /// <summary>The directory holding the kubelet's registration socket and the plugins' sockets.</summary>
    public const string SocketDirectory = "/var/lib/kubelet/device-plugins";

    /// <summary>The kubelet's Registration service: a plugin calls <c>Register</c> with its socket and resource name.</summary>
    public static IReadOnlyList<string> RegistrationRpcs { get; } = ["Register"];

    /// <summary>
    /// The DevicePlugin service the kubelet calls: <c>ListAndWatch</c> streams the device list (health
    /// included), <c>GetPreferredAllocation</c> and <c>PreStartContainer</c> are optional
    /// (announced by <c>GetDevicePluginOptions</c>), <c>Allocate</c> runs at container creation.
    /// </summary>
    public static IReadOnlyList<string> DevicePluginRpcs { get; } =
        ["GetDevicePluginOptions", "ListAndWatch", "GetPreferredAllocation", "Allocate", "PreStartContainer"];

    /// <summary>
    /// True for a resource name a device plugin (or a DRA DeviceClass) can provide: a domain-prefixed
    /// name outside the <c>kubernetes.io</c> domain, except DRA's implicit
    /// <c>deviceclass.resource.kubernetes.io/&lt;class&gt;</c> names.
    /// </summary>
    public static bool IsExtendedResource(string resourceName)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        var slash = resourceName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == resourceName.Length - 1) return false;
        var domain = resourceName[..slash];
        if (domain == "deviceclass.resource.kubernetes.io") return true;
        return domain != "kubernetes.io" && !domain.EndsWith(".kubernetes.io", StringComparison.Ordinal);
    }
}
