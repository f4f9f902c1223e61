using EdgeInfra.AzureAD;
using EdgeInfra.AzureAD.Inputs;
using EdgeInfra.Components.Azure;

namespace EdgeInfra.Components.Identity;

/// <summary>
/// An API registered in Microsoft Entra ID by the stack (azuread 6.10.0): its application with identifier URI, exposed
/// scopes and app roles, its service principal, and optional workload clients that sign in with federated credentials
/// and are granted app roles. The edge gateway verifies the API's tokens from what it exposes: <see cref="Issuer"/>,
/// <see cref="Audience"/> and <see cref="JwksPath"/> on <see cref="LoginHost"/>.
/// </summary>
/// <remarks>
/// <para>Children (names prefixed with the component's name):</para>
/// <list type="bullet">
/// <item><c>app</c> (<c>azuread:index/application:Application</c>): single tenant (<c>AzureADMyOrg</c>),
/// <c>api.requestedAccessTokenVersion</c> 2, the scopes (<c>api.oauth2PermissionScopes</c>) and app roles
/// (<c>appRoles</c>), owned by the deploying principal (so that <c>Application.ReadWrite.OwnedBy</c> suffices);</item>
/// <item><c>identifier-uri</c> (<c>azuread:index/applicationIdentifierUri:ApplicationIdentifierUri</c>,
/// <c>api://{client id}</c>) when <see cref="EntraApiRegistrationArgs.IdentifierUri"/> is null: the client id exists only
/// once the application does, so the application ignores changes to <c>identifierUris</c>, as the azuread provider's
/// documentation asks when both are used (pulumi/pulumi-azuread#1036 reports the URI lost on an application update
/// without it); a given URI is set on the application itself;</item>
/// <item><c>sp</c> (<c>azuread:index/servicePrincipal:ServicePrincipal</c>), with <c>appRoleAssignmentRequired</c> when
/// the API has app roles: only assigned users and clients get tokens for it;</item>
/// <item>per workload client <c>client-{name}-app</c>, <c>client-{name}-sp</c>, <c>client-{name}-federation</c>
/// (<c>azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential</c>; the client has no
/// password) and <c>client-{name}-role-{role}</c> (<c>azuread:index/appRoleAssignment:AppRoleAssignment</c>: the
/// client's service principal is the principal, the API's the resource, the app role's id the role).</item>
/// </list>
/// <para>
/// Tokens. With <c>requestedAccessTokenVersion</c> 2, Entra ID issues v2.0 access tokens for the API whatever endpoint
/// the client used: <c>aud</c> is the API's application (client) id, <c>iss</c> is
/// <c>https://login.microsoftonline.com/{tenant id}/v2.0</c>, delegated scopes come in <c>scp</c> (space-separated) and
/// app roles in <c>roles</c> (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference,
/// https://learn.microsoft.com/entra/identity-platform/reference-microsoft-graph-app-manifest). The signing keys are
/// published at <c>https://login.microsoftonline.com/{tenant id}/discovery/v2.0/keys</c>, the <c>jwks_uri</c> of the
/// tenant's OpenID Connect metadata (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc); the API
/// uses no claims-mapping policy, so no app-specific signing key applies. The tenant is the provider's own
/// (<c>azuread:index/getClientConfig:getClientConfig</c>, <c>tenantId</c>), known at deployment only.
/// </para>
/// <para>
/// Ids. Entra ID needs a GUID for every scope and app role and refuses to change it in place; each id here is the
/// RFC 4122 version 5 UUID of <c>urn:edgeinfra:entra:{this component's logical name}:{scope|role}:{value}</c> in the URL
/// namespace, so the same program always states the same ids, and renaming the display name changes none.
/// </para>
/// <para>
/// Preflight: the deploying principal needs <c>Application.ReadWrite.OwnedBy</c> (it owns what it creates) or the
/// Application Administrator role, and, for clients granted app roles, <c>AppRoleAssignment.ReadWrite.All</c> with
/// <c>Application.Read.All</c> (https://learn.microsoft.com/graph/api/serviceprincipal-post-approleassignedto,
/// https://learn.microsoft.com/graph/api/application-post-federatedidentitycredentials).
/// </para>
/// </remarks>
public sealed class EntraApiRegistration : ComponentResource
{
    /// <summary>The component's type token.</summary>
    public const string TypeToken = "edgeinfra:identity:EntraApiRegistration";

    /// <summary>The host that issues Entra ID tokens and publishes their keys (global Azure cloud).</summary>
    public const string LoginHost = "login.microsoftonline.com";

    /// <summary>The audience a workload's external token carries for Entra ID's token exchange.</summary>
    public const string TokenExchangeAudience = "api://AzureADTokenExchange";

    /// <summary>The scope type only administrators may consent to.</summary>
    public const string AdminConsent = "Admin";

    /// <summary>The scope type users may consent to for themselves.</summary>
    public const string UserConsent = "User";

    /// <summary>The app role member type of users and groups.</summary>
    public const string UserMember = "User";

    /// <summary>The app role member type of client applications (application permissions).</summary>
    public const string ApplicationMember = "Application";

    private readonly Dictionary<string, string> _scopeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _roleIds = new(StringComparer.Ordinal);

    /// <summary>Creates the registration named <paramref name="name"/>.</summary>
    /// <exception cref="SynthesisException">Some of <paramref name="args"/> are invalid; every problem is listed.</exception>
    public EntraApiRegistration(string name, EntraApiRegistrationArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options, ChildNaming.AlwaysPrefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        EntraApiRegistrationValidation.Validate(name, args);

        var client = GetClientConfig.Invoke();
        TenantId = client.TenantId;
        foreach (var scope in args.Scopes)
        {
            _scopeIds[scope.Value] = StableId("scope", scope.Value);
        }

        foreach (var role in args.AppRoles)
        {
            _roleIds[role.Value] = StableId("role", role.Value);
        }

        var owners = new InputList<string> { client.ObjectId };
        var customUri = args.IdentifierUri;
        Application = new AzureAD.Application("app", new ApplicationArgs
        {
            DisplayName = args.DisplayName,
            SignInAudience = "AzureADMyOrg",
            Owners = owners,
            IdentifierUris = customUri is null ? null : new InputList<string> { (Input<string>)customUri },
            Api = new ApplicationApiArgs
            {
                RequestedAccessTokenVersion = 2,
                Oauth2PermissionScopes = [.. args.Scopes.Select(scope => new ApplicationApiOauth2PermissionScopeArgs
                {
                    Id = _scopeIds[scope.Value],
                    Value = scope.Value,
                    Type = scope.Type,
                    Enabled = scope.Enabled,
                    AdminConsentDisplayName = scope.AdminConsentDisplayName ?? scope.Value,
                    AdminConsentDescription = scope.AdminConsentDescription ?? $"Lets the application call the API's operations that require {scope.Value} for the signed-in user.",
                })],
            },
            AppRoles = [.. args.AppRoles.Select(role => new AzureAD.Inputs.ApplicationAppRoleArgs
            {
                Id = _roleIds[role.Value],
                Value = role.Value,
                DisplayName = role.DisplayName ?? role.Value,
                Description = role.Description ?? $"Holders may call the API's operations that require the role {role.Value}.",
                AllowedMemberTypes = [.. role.AllowedMemberTypes],
                Enabled = role.Enabled,
            })],
        }, Locked(args.Lock, customUri is null ? ["identifierUris"] : []));

        if (customUri is null)
        {
            IdentifierUriResource = new ApplicationIdentifierUri("identifier-uri", new ApplicationIdentifierUriArgs
            {
                ApplicationId = Application.Id,
                IdentifierUri = Output.Format($"api://{Application.ClientId}"),
            }, new CustomResourceOptions { Parent = this });
            IdentifierUri = Output.Format($"api://{Application.ClientId}");
        }
        else
        {
            IdentifierUri = customUri.ToOutput();
        }

        ServicePrincipal = new ServicePrincipal("sp", new ServicePrincipalArgs
        {
            ClientId = Application.ClientId,
            AppRoleAssignmentRequired = args.AppRoles.Count > 0,
            Owners = owners,
        }, Locked(args.Lock, []));

        Clients = [.. args.Clients.Select(spec => RegisterClient(spec, args, owners))];

        RequirePreflight(
            $"The identity that runs `pulumi up` may create applications and service principals in the Entra ID tenant of the azuread provider: the Microsoft Graph application permission Application.ReadWrite.OwnedBy (the stack makes it owner of what it creates) or the Application Administrator (or Cloud Application Administrator) role; the registration {LogicalName} creates {1 + args.Clients.Count} application(s).",
            "az rest --url https://graph.microsoft.com/v1.0/servicePrincipals/<deploying identity's object id>/appRoleAssignments lists the Microsoft Graph role Application.ReadWrite.OwnedBy (or Entra admin center > Enterprise applications > <deploying identity> > Permissions); for a user, Entra admin center > Roles and administrators");
        if (args.Clients.Any(c => c.AppRoles.Count > 0))
        {
            RequirePreflight(
                "The identity that runs `pulumi up` may assign app roles to the workload clients' service principals: AppRoleAssignment.ReadWrite.All and Application.Read.All (Microsoft Graph application permissions), or the Application Administrator role.",
                "az rest --url https://graph.microsoft.com/v1.0/servicePrincipals/<deploying identity's object id>/appRoleAssignments lists AppRoleAssignment.ReadWrite.All and Application.Read.All (or Entra admin center > Enterprise applications > <deploying identity> > Permissions)");
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["clientId"] = ClientId,
            ["identifierUri"] = IdentifierUri,
            ["issuer"] = Issuer,
            ["servicePrincipalObjectId"] = ServicePrincipal.ObjectId,
        });
    }

    /// <summary>The API's application.</summary>
    public AzureAD.Application Application { get; }

    /// <summary>The <c>api://{client id}</c> identifier URI resource; null when <see cref="EntraApiRegistrationArgs.IdentifierUri"/> was given.</summary>
    public ApplicationIdentifierUri? IdentifierUriResource { get; }

    /// <summary>The API's service principal: the resource of app role assignments.</summary>
    public ServicePrincipal ServicePrincipal { get; }

    /// <summary>The workload clients, in the order given.</summary>
    public IReadOnlyList<EntraClientApplication> Clients { get; }

    /// <summary>The application (client) id: the <c>aud</c> of the API's v2.0 access tokens.</summary>
    public Output<string> ClientId => Application.ClientId;

    /// <summary>The <c>aud</c> the edge expects: <see cref="ClientId"/>.</summary>
    public Output<string> Audience => ClientId;

    /// <summary>The application ID URI clients request tokens with (<c>{uri}/.default</c>).</summary>
    public Output<string> IdentifierUri { get; }

    /// <summary>The tenant of the azuread provider (<c>getClientConfig</c>'s <c>tenantId</c>).</summary>
    public Output<string> TenantId { get; }

    /// <summary>The <c>iss</c> of the API's v2.0 access tokens: <c>https://login.microsoftonline.com/{tenant id}/v2.0</c>.</summary>
    public Output<string> Issuer => Output.Format($"https://{LoginHost}/{TenantId}/v2.0");

    /// <summary>The path of the tenant's signing keys on <see cref="LoginHost"/>: <c>/{tenant id}/discovery/v2.0/keys</c>.</summary>
    public Output<string> JwksPath => Output.Format($"/{TenantId}/discovery/v2.0/keys");

    /// <summary>The tenant's signing keys: <c>https://login.microsoftonline.com/{tenant id}/discovery/v2.0/keys</c>.</summary>
    public Output<string> JwksUrl => Output.Format($"https://{LoginHost}/{TenantId}/discovery/v2.0/keys");

    /// <summary>Each scope's id, by value (known at synthesis, see the remarks).</summary>
    public IReadOnlyDictionary<string, string> ScopeIds => _scopeIds;

    /// <summary>Each app role's id, by value (known at synthesis, see the remarks).</summary>
    public IReadOnlyDictionary<string, string> AppRoleIds => _roleIds;

    private CustomResourceOptions Locked(LockKind lockKind, List<string> ignoreChanges)
    {
        var options = AzureComponentArgs.LockedOptions(lockKind, this);
        options.IgnoreChanges = ignoreChanges;
        return options;
    }

    private string StableId(string kind, string value) =>
        NameBasedUuid.Version5(NameBasedUuid.UrlNamespace, $"urn:edgeinfra:entra:{LogicalName}:{kind}:{value}");

    private EntraClientApplication RegisterClient(EntraWorkloadClient spec, EntraApiRegistrationArgs args, InputList<string> owners)
    {
        var prefix = $"client-{spec.Name}";
        var application = new AzureAD.Application($"{prefix}-app", new ApplicationArgs
        {
            DisplayName = spec.DisplayName ?? ValidatedInput.Format($"{args.DisplayName}-{spec.Name}"),
            SignInAudience = "AzureADMyOrg",
            Owners = owners,
            RequiredResourceAccesses = spec.AppRoles.Count == 0 ? null :
            [
                new ApplicationRequiredResourceAccessArgs
                {
                    ResourceAppId = Application.ClientId,
                    ResourceAccesses = [.. spec.AppRoles.Select(role => new ApplicationRequiredResourceAccessResourceAccessArgs { Id = _roleIds[role], Type = "Role" })],
                },
            ],
        }, new CustomResourceOptions { Parent = this });
        var servicePrincipal = new ServicePrincipal($"{prefix}-sp", new ServicePrincipalArgs
        {
            ClientId = application.ClientId,
            Owners = owners,
        }, new CustomResourceOptions { Parent = this });
        var federation = new ApplicationFederatedIdentityCredential($"{prefix}-federation", new ApplicationFederatedIdentityCredentialArgs
        {
            ApplicationId = application.Id,
            DisplayName = spec.Name,
            Description = "Workload identity federation: the workload exchanges its own platform's token; the application has no password.",
            Issuer = spec.Issuer,
            Subject = spec.Subject,
            Audiences = [.. spec.Audiences],
        }, new CustomResourceOptions { Parent = this });
        var assignments = spec.AppRoles.Select(role => new AppRoleAssignment($"{prefix}-role-{EntraApiRegistrationValidation.Slug(role)}", new AppRoleAssignmentArgs
        {
            AppRoleId = _roleIds[role],
            PrincipalObjectId = servicePrincipal.ObjectId,
            ResourceObjectId = ServicePrincipal.ObjectId,
        }, new CustomResourceOptions { Parent = this })).ToList();
        return new EntraClientApplication(spec.Name, application, servicePrincipal, federation, assignments);
    }
}
