/**
 * The fixed part of the exported Python file: safetensors without the safetensors package (PyTorch
 * 1.13 has no reader), the activations, the losses and the optimizer of spec §8. The layers'
 * classes (each kind's `export.ts`), the network class and the TRAINING settings are generated
 * around it (pytorch.ts).
 * Kept free of backslashes and "${", so it sits in a template literal unchanged.
 */
export const PYTHON_RUNTIME = `
# ---------------------------------------------------------------------------------------------
# safetensors, by hand: 8-byte little-endian header length, JSON header, raw little-endian data.
# ---------------------------------------------------------------------------------------------
DTYPES = {'F32': torch.float32, 'I64': torch.int64}
DTYPE_NAMES = {v: k for k, v in DTYPES.items()}


def load_safetensors(path):
    """Reads a .safetensors file into {name: tensor} (F32 and I64 tensors)."""
    if sys.byteorder != 'little':
        raise SystemExit('This reader assumes a little-endian machine.')
    with open(path, 'rb') as f:
        (length,) = struct.unpack('<Q', f.read(8))
        header = json.loads(f.read(length).decode('utf-8'))
        data = bytearray(f.read())
    tensors = {}
    for name, info in header.items():
        if name == '__metadata__':
            continue
        begin, end = info['data_offsets']
        dtype = DTYPES[info['dtype']]
        size = torch.empty((), dtype=dtype).element_size()
        if end > begin:
            flat = torch.frombuffer(data, dtype=dtype, count=(end - begin) // size, offset=begin)
        else:
            flat = torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info['shape']).clone()
    return tensors


def save_safetensors(tensors, path, metadata=None):
    """Writes {name: tensor} as .safetensors, atomically (a temporary file, then a rename)."""
    header, blobs, offset = {}, [], 0
    if metadata:
        header['__metadata__'] = {str(k): str(v) for k, v in metadata.items()}
    for name, tensor in tensors.items():
        t = tensor.detach().cpu().contiguous()
        raw = t.numpy().tobytes()
        header[name] = {'dtype': DTYPE_NAMES[t.dtype], 'shape': list(t.shape),
                        'data_offsets': [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    head = json.dumps(header).encode('utf-8')
    head += b' ' * ((8 - len(head) % 8) % 8)
    tmp = path + '.tmp'
    with open(tmp, 'wb') as f:
        f.write(struct.pack('<Q', len(head)))
        f.write(head)
        for raw in blobs:
            f.write(raw)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------
# The element-wise non-linearities; the layers' classes follow the runtime (one per kind used).
# ---------------------------------------------------------------------------------------------
def activate(fn, x, alpha=0.0):
    if fn == 'relu':
        return F.relu(x)
    if fn == 'leakyRelu':
        return F.leaky_relu(x, alpha)
    if fn == 'tanh':
        return torch.tanh(x)
    if fn == 'sigmoid':
        return torch.sigmoid(x)
    if fn == 'softmax':
        return torch.softmax(x, dim=1)
    return x


# ---------------------------------------------------------------------------------------------
# Cost (spec section 3), from the logits z: J = mean loss + L2 lambda/(2m) sum W^2 + L1 lambda/m
# sum |W|, with m the training-set size even for a mini-batch.
# ---------------------------------------------------------------------------------------------
def example_losses(z, y, output_activation):
    loss = TRAINING['loss']
    if loss == 'binaryCrossEntropy':
        return (F.relu(z) - z * y + torch.log1p(torch.exp(-z.abs()))).sum(1)
    if loss == 'categoricalCrossEntropy':
        return -(y * torch.log_softmax(z, dim=1)).sum(1)
    return ((activate(output_activation, z) - y) ** 2).mean(1)


def penalty(model, m):
    """Over the weights W of every layer with a kernel (Dense, Conv2D); biases carry no penalty."""
    total = torch.zeros(())
    for layer in model.layers.values():
        if getattr(layer, 'l2', 0):
            total = total + layer.l2 / (2 * m) * layer.kernel.pow(2).sum()
        if getattr(layer, 'l1', 0):
            total = total + layer.l1 / m * layer.kernel.abs().sum()
    return total


def correct_count(z, y, output_activation):
    if TRAINING['classes'] is None:
        return None
    if z.shape[1] == 1:
        threshold = 0.0 if output_activation == 'sigmoid' else 0.5
        return int(((z > threshold).to(y.dtype) == y).sum())
    return int((z.argmax(1) == y.argmax(1)).sum())


# ---------------------------------------------------------------------------------------------
# Spec section 8, exactly: momentum with its (1 - beta) factor and no bias correction; RMSprop
# and Adam with epsilon inside the square root; Adam with bias correction. torch.optim's own
# SGD(momentum), RMSprop and Adam compute other rules.
# ---------------------------------------------------------------------------------------------
class SpecOptimizer(torch.optim.Optimizer):
    def __init__(self, params, algorithm='gd', learningRate=0.01, beta=0.9, beta1=0.9, beta2=0.999,
                 epsilon=1e-8):
        defaults = dict(lr=learningRate, algorithm=algorithm, beta=beta, beta1=beta1, beta2=beta2,
                        epsilon=epsilon)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            lr, algorithm, eps = group['lr'], group['algorithm'], group['epsilon']
            for p in group['params']:
                if p.grad is None:
                    continue
                dw, state = p.grad, self.state[p]
                if algorithm == 'gd':
                    p.sub_(dw * lr)
                elif algorithm == 'momentum':
                    v = state.setdefault('v', torch.zeros_like(p))
                    v.mul_(group['beta']).add_(dw, alpha=1 - group['beta'])
                    p.sub_(v * lr)
                elif algorithm == 'rmsprop':
                    s = state.setdefault('s', torch.zeros_like(p))
                    s.mul_(group['beta2']).addcmul_(dw, dw, value=1 - group['beta2'])
                    p.sub_(dw / torch.sqrt(s + eps) * lr)
                elif algorithm == 'adam':
                    v = state.setdefault('v', torch.zeros_like(p))
                    s = state.setdefault('s', torch.zeros_like(p))
                    state['t'] = t = state.get('t', 0) + 1
                    v.mul_(group['beta1']).add_(dw, alpha=1 - group['beta1'])
                    s.mul_(group['beta2']).addcmul_(dw, dw, value=1 - group['beta2'])
                    v_hat = v / (1 - group['beta1'] ** t)
                    s_hat = s / (1 - group['beta2'] ** t)
                    p.sub_(v_hat / torch.sqrt(s_hat + eps) * lr)
                else:
                    raise ValueError('Unknown algorithm ' + algorithm)
        return loss


def learning_rate_at(epoch, t):
    """Spec section 9; epoch counts from 1, t (updates) from 1. 'manual' keeps alpha_0."""
    s, a0 = TRAINING['schedule'], TRAINING['optimizer']['learningRate']
    kind = s['kind']
    if kind == 'inverseTime':
        return a0 / (1 + s['decayRate'] * epoch)
    if kind == 'exponential':
        return s['base'] ** epoch * a0
    if kind == 'sqrtEpoch':
        return s['k'] / math.sqrt(epoch) * a0
    if kind == 'sqrtStep':
        return s['k'] / math.sqrt(t) * a0
    if kind == 'staircase':
        return a0 * s['factor'] ** ((epoch - 1) // s['every'])
    return a0


def batch_size_for(m):
    mode = TRAINING['training']['batchMode']
    size = m if mode == 'full' else 1 if mode == 'stochastic' else TRAINING['training']['batchSize']
    return max(1, min(size, m))
`;
