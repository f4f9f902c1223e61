namespace EdgeInfra;

public sealed partial class StackGraph
{
    /// <summary>
    /// The URN the engine gives <paramref name="resource"/> in this stack:
    /// <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;type&gt;::&lt;logical name&gt;</c>, where under custom resource
    /// parents the type is prefixed with theirs, outermost first (<c>parentType$type</c>). Components are no resources
    /// of the program, so they are not part of it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="resource"/> is not a custom resource of this stack.</exception>
    public string UrnOf(CustomResource resource)
    {
        RequireOwn(resource);
        return UrnOf(Settings.StackName, Settings.ProjectName, resource);
    }

    /// <summary>
    /// The URN of <paramref name="resource"/> in stack <paramref name="stack"/> of <paramref name="project"/>, as
    /// <see cref="UrnOf(CustomResource)"/> makes it; with <paramref name="type"/> or <paramref name="name"/>, the URN
    /// it had under that type or logical name (an alias). For use before the graph exists.
    /// </summary>
    internal static string UrnOf(string stack, string project, CustomResource resource, string? type = null, string? name = null)
    {
        var types = new List<string> { type ?? resource.GetResourceType() };
        for (var parent = resource.Options.Parent as CustomResource; parent is not null; parent = parent.Options.Parent as CustomResource)
        {
            types.Insert(0, parent.GetResourceType());
        }

        return $"urn:pulumi:{stack}::{project}::{string.Join('$', types)}::{name ?? resource.LogicalName}";
    }
}
