namespace EdgeInfra;

/// <summary>The input properties of a resource.</summary>
public abstract class ResourceArgs : InputArgs
{
    /// <summary>No input property.</summary>
    public static readonly ResourceArgs Empty = new NoArgs();

    private sealed class NoArgs : ResourceArgs
    {
        protected override IEnumerable<KeyValuePair<string, object?>> GetInputs() => [];
    }
}
