using EdgeInfra.AzureAD;

namespace EdgeInfra.Components.Identity;

/// <summary>A workload client an <see cref="EntraApiRegistration"/> created: its application, service principal, federated credential and app role assignments.</summary>
public sealed class EntraClientApplication
{
    internal EntraClientApplication(string name, AzureAD.Application application, ServicePrincipal servicePrincipal, ApplicationFederatedIdentityCredential federatedCredential, IReadOnlyList<AppRoleAssignment> appRoleAssignments)
    {
        Name = name;
        Application = application;
        ServicePrincipal = servicePrincipal;
        FederatedCredential = federatedCredential;
        AppRoleAssignments = appRoleAssignments;
    }

    /// <summary>The client's name (<see cref="EntraWorkloadClient.Name"/>).</summary>
    public string Name { get; }

    /// <summary>The client's application; its <c>clientId</c> is what the workload signs in as.</summary>
    public AzureAD.Application Application { get; }

    /// <summary>The client's service principal: the principal of its app role assignments.</summary>
    public ServicePrincipal ServicePrincipal { get; }

    /// <summary>The federated identity credential the workload signs in with.</summary>
    public ApplicationFederatedIdentityCredential FederatedCredential { get; }

    /// <summary>The app role assignments, in the order of <see cref="EntraWorkloadClient.AppRoles"/>.</summary>
    public IReadOnlyList<AppRoleAssignment> AppRoleAssignments { get; }

    /// <summary>The client's application (client) id.</summary>
    public Output<string> ClientId => Application.ClientId;
}
