namespace EdgeInfra.Components.Akamai;

/// <summary>
/// What the <c>modifyOutgoingRequestHeader</c> behavior does to a header sent to the origin: add, modify or delete a
/// custom header (<c>standard…HeaderName: OTHER</c> with <c>customHeaderName</c>).
/// </summary>
public sealed record HeaderModification
{
    /// <summary>The action (<c>action</c>): <c>ADD</c>, <c>MODIFY</c> or <c>DELETE</c>. Required.</summary>
    public required string Action { get; init; }

    /// <summary>The header's name (<c>customHeaderName</c>), an HTTP token. Required.</summary>
    public required string HeaderName { get; init; }

    /// <summary>The value to add (<c>headerValue</c>) or the new value (<c>newHeaderValue</c>); may be a deploy-time value or use variables (<c>{{user.PMUSER_X}}</c>). Default: null (for <c>DELETE</c>).</summary>
    public Input<string>? Value { get; init; }

    /// <summary>Adds the header <paramref name="headerName"/> with <paramref name="value"/>.</summary>
    public static HeaderModification Add(string headerName, Input<string> value) => new() { Action = "ADD", HeaderName = headerName, Value = value };

    /// <summary>Replaces the value of the header <paramref name="headerName"/> with <paramref name="value"/>.</summary>
    public static HeaderModification Modify(string headerName, Input<string> value) => new() { Action = "MODIFY", HeaderName = headerName, Value = value };

    /// <summary>Removes the header <paramref name="headerName"/>.</summary>
    public static HeaderModification Delete(string headerName) => new() { Action = "DELETE", HeaderName = headerName };

    /// <summary>The behavior's options, with the option names Property Manager uses for <see cref="Action"/>.</summary>
    internal Dictionary<string, object?> ToOptions()
    {
        var options = new Dictionary<string, object?>
        {
            ["action"] = Action,
            ["customHeaderName"] = HeaderName,
        };
        switch (Action)
        {
            case "ADD":
                options["standardAddHeaderName"] = "OTHER";
                options["headerValue"] = Value;
                options["avoidDuplicateHeaders"] = false;
                break;
            case "MODIFY":
                options["standardModifyHeaderName"] = "OTHER";
                options["newHeaderValue"] = Value;
                break;
            case "DELETE":
                options["standardDeleteHeaderName"] = "OTHER";
                break;
        }

        return options;
    }
}
