namespace EdgeInfra.Review;

/// <summary>The pieces of a rendered diff in one text format; <see cref="DiffLayout"/> puts them together within the limits.</summary>
internal interface IDiffFormat
{
    /// <summary>The heading naming the stack.</summary>
    string Title(string stack);

    /// <summary>The counts line.</summary>
    string Summary(string summary);

    /// <summary>The text when nothing changes.</summary>
    string NoChanges(string sentence);

    /// <summary>The start of the risks block.</summary>
    string RisksStart();

    /// <summary>The risk line of a replaced or deleted resource.</summary>
    string Risk(ResourceChange change);

    /// <summary>The risk line of a stack config change that replaces a resource which reads the key.</summary>
    string ConfigRisk(StackConfigChange change, ConfigRead read, string file);

    /// <summary>The risk line of a removed stack output.</summary>
    string RemovedOutput(EntryChange output);

    /// <summary>The risks block when nothing is replaced or deleted.</summary>
    string NoRisks();

    /// <summary>The end of the risks block.</summary>
    string RisksEnd();

    /// <summary>The start of a component group.</summary>
    string GroupStart(string label, string summary);

    /// <summary>The end of a component group.</summary>
    string GroupEnd();

    /// <summary>A resource with its notes and its first <paramref name="shown"/> changes.</summary>
    string Resource(ResourceChange change, int shown, int maxValueLength);

    /// <summary>The stack settings changes of <paramref name="file"/>, the first <paramref name="shown"/> of them, each with the resources that read it.</summary>
    string StackConfig(string file, IReadOnlyList<StackConfigChange> changes, int shown, int maxValueLength);

    /// <summary>A program section (stack outputs, config, variables) with its first <paramref name="shown"/> changes.</summary>
    string Section(string title, IReadOnlyList<EntryChange> entries, int shown, int maxValueLength);

    /// <summary>The note saying what was left out.</summary>
    string Trimmed(Omission omitted, string stack);
}
