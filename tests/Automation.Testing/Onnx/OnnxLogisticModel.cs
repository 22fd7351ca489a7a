using System.Text;

namespace Automation.Testing.Onnx;

/// <summary>
/// Writes a logistic regression as an ONNX file (probability = sigmoid(features · W + B)), protobuf by hand, so a
/// test can bring its own model without any converter: the bytes are what any ONNX exporter would produce for it.
/// </summary>
public static class OnnxLogisticModel
{
    public static byte[] Create(float[] weights, float bias, string input = "features", string output = "probability")
    {
        var graph = new Proto()
            .Message(1, Node(["features_in", "W"], ["z"], "MatMul").Build(input))
            .Message(1, Node(["z", "B"], ["logit"], "Add").Build(input))
            .Message(1, Node(["logit"], [output], "Sigmoid").Build(input))
            .String(2, "logistic")
            .Message(5, Tensor("W", [weights.Length, 1], weights))
            .Message(5, Tensor("B", [1], [bias]))
            .Message(11, ValueInfo(input, weights.Length))
            .Message(12, ValueInfo(output, 1));
        return new Proto()
            .Varint(1, 8)
            .String(2, "automation-tests")
            .Message(7, graph)
            .Message(8, new Proto().String(1, "").Varint(2, 13))
            .ToArray();
    }

    private static NodeBuilder Node(string[] inputs, string[] outputs, string op) => new(inputs, outputs, op);

    private static Proto Tensor(string name, long[] dims, float[] values)
    {
        var tensor = new Proto();
        foreach (var d in dims)
        {
            tensor.Varint(1, d);
        }

        return tensor.Varint(2, 1).String(8, name).Bytes(9, [.. values.SelectMany(BitConverter.GetBytes)]);
    }

    /// <summary>A float tensor [batch, width] with a symbolic batch size.</summary>
    private static Proto ValueInfo(string name, int width)
    {
        var shape = new Proto().Message(1, new Proto().String(2, "batch")).Message(1, new Proto().Varint(1, width));
        return new Proto().String(1, name).Message(2, new Proto().Message(1, new Proto().Varint(1, 1).Message(2, shape)));
    }

    private sealed record NodeBuilder(string[] Inputs, string[] Outputs, string Op)
    {
        public Proto Build(string graphInput)
        {
            var node = new Proto();
            foreach (var i in Inputs)
            {
                node.String(1, i == "features_in" ? graphInput : i);
            }

            foreach (var o in Outputs)
            {
                node.String(2, o);
            }

            return node.String(3, Op.ToLowerInvariant()).String(4, Op);
        }
    }

    /// <summary>Just enough protobuf: varints and length-delimited fields.</summary>
    private sealed class Proto
    {
        private readonly List<byte> bytes = [];

        public Proto Varint(int field, long value)
        {
            Key(field, 0);
            Raw((ulong)value);
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Message(int field, Proto message) => Bytes(field, message.ToArray());

        public Proto Bytes(int field, byte[] value)
        {
            Key(field, 2);
            Raw((ulong)value.Length);
            bytes.AddRange(value);
            return this;
        }

        public byte[] ToArray() => [.. bytes];

        private void Key(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }

            bytes.Add((byte)value);
        }
    }
}
