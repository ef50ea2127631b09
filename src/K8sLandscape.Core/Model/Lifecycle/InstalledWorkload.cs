using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>A workload of an installation and the role it plays there.</summary>
/// <param name="Workload">The workload (a controller object whose own controller is not in the input).</param>
/// <param name="Role">
/// The role, stable across installations of one component: the workload class (<c>controller</c> for
/// Deployments and StatefulSets, <c>node-agent</c> for DaemonSets, <c>job</c>), the image repository
/// of the component's container, the command that image runs, its first sub-command and any
/// role-selecting flag (<c>--operation</c>, <c>--mode</c>, <c>--role</c>, <c>--component</c>), e.g.
/// <c>controller:quay.io/jetstack/cert-manager-cainjector</c> or
/// <c>controller:openpolicyagent/gatekeeper --operation=audit</c>. A workload that carries the
/// component's image only in an init container or a sidecar has its own role (<c>...:init</c>,
/// <c>...:sidecar</c>), so a data-plane DaemonSet is never a second controller.
/// </param>
/// <param name="RoleEvidence">The field path the role was read from (the component's container, or its flag).</param>
public sealed record InstalledWorkload(Workload Workload, string Role, string RoleEvidence);
