namespace EdgeInfra;

/// <summary>Options every resource takes; they become the resource's <c>options:</c> in the program.</summary>
public abstract class ResourceOptions
{
    private protected ResourceOptions()
    {
    }

    /// <summary>
    /// The parent. A component parent prefixes the child's logical name with its own; a custom resource parent
    /// is stated as the <c>parent</c> option.
    /// </summary>
    public Resource? Parent { get; set; }

    /// <summary>Resources that must be created before this one, beyond those its inputs reference. A component stands for all its resources.</summary>
    public List<Resource> DependsOn { get; set; } = [];

    /// <summary>When true, the engine refuses to delete the resource. Inherited from component ancestors when not set.</summary>
    public bool? Protect { get; set; }

    /// <summary>Input properties whose changes the engine ignores (property paths, e.g. <c>tags</c>).</summary>
    public List<string> IgnoreChanges { get; set; } = [];

    /// <summary>Input properties whose change forces a replacement.</summary>
    public List<string> ReplaceOnChanges { get; set; } = [];

    /// <summary>When true, deleting the resource from the program leaves the cloud resource in place. Inherited from component ancestors when not set.</summary>
    public bool? RetainOnDelete { get; set; }

    /// <summary>A resource whose deletion deletes this one, so the engine need not delete it itself.</summary>
    public Resource? DeletedWith { get; set; }

    /// <summary>Timeouts for create, update and delete.</summary>
    public CustomTimeouts? CustomTimeouts { get; set; }

    /// <summary>Former identities of the resource, so that a rename or a move keeps the cloud resource.</summary>
    public List<Alias> Aliases { get; set; } = [];
}
