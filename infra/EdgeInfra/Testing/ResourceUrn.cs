namespace EdgeInfra.Testing;

/// <summary>The URNs of resources, as the engine makes them.</summary>
internal static class ResourceUrn
{
    /// <summary>
    /// <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;type&gt;::&lt;logical name&gt;</c>; under a custom resource
    /// parent, the type is prefixed with the parents' types: <c>parentType$type</c>.
    /// </summary>
    public static string Of(CustomResource resource, string stack, string project)
    {
        var types = new List<string> { resource.GetResourceType() };
        for (var parent = resource.Options.Parent as CustomResource; parent is not null; parent = parent.Options.Parent as CustomResource)
        {
            types.Insert(0, parent.GetResourceType());
        }

        return $"urn:pulumi:{stack}::{project}::{string.Join('$', types)}::{resource.LogicalName}";
    }
}
