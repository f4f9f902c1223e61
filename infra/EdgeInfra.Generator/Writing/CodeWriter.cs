using System.Text;

namespace EdgeInfra.Generator.Writing;

/// <summary>Writes C# source line by line with four-space indentation and LF line ends.</summary>
internal sealed class CodeWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _blockJustOpened;

    /// <summary>Writes <paramref name="line"/> at the current indentation; an empty line has no indentation.</summary>
    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (var level = 0; level < _depth; level++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line);
        }

        _text.Append('\n');
        _blockJustOpened = false;
    }

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public void OpenBlock()
    {
        Line("{");
        _depth++;
        _blockJustOpened = true;
    }

    /// <summary>Unindents and writes <c>}</c> (with <paramref name="suffix"/>).</summary>
    public void CloseBlock(string suffix = "")
    {
        _depth--;
        Line("}" + suffix);
    }

    /// <summary>Indents the lines that follow (a continuation line).</summary>
    public void Indent() => _depth++;

    /// <summary>Undoes <see cref="Indent"/>.</summary>
    public void Unindent() => _depth--;

    /// <summary>Separates a member from the one before it with an empty line; nothing before a block's first member.</summary>
    public void BeginMember()
    {
        if (!_blockJustOpened)
        {
            Line();
        }
    }

    /// <summary>The text written.</summary>
    public override string ToString() => _text.ToString();
}
