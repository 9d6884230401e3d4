/**
 * The fixed part of the exported Python file: safetensors without the safetensors package (PyTorch
 * 1.13 has no reader), the layers with the engine's exact semantics, the losses and the optimizer
 * of spec §8. The network class and the TRAINING settings are generated around it (pytorch.ts).
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
# Layers. Each takes last=True when it is the network's last layer: it then returns its
# pre-activation (the logits), as NetCanvas does, and the loss is computed from those.
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


class Normalize(nn.Module):
    """x := (x - mu) / sigma with mu and sigma of the training split (stored as mean and 1/sigma)."""

    def __init__(self, features):
        super().__init__()
        self.register_buffer('mean', torch.zeros(features))
        self.register_buffer('inv_std', torch.ones(features))

    def forward(self, x, last=False):
        return (x - self.mean) * self.inv_std


class Dense(nn.Module):
    """z = x W + b, a = g(z). nn.Linear keeps W transposed: weight is [units, inputs]."""

    def __init__(self, inputs, units, bias, activation, alpha=0.0, l2=0.0, l1=0.0):
        super().__init__()
        self.linear = nn.Linear(inputs, units, bias=bias)
        self.activation, self.alpha, self.l2, self.l1 = activation, alpha, l2, l1

    def forward(self, x, last=False):
        z = self.linear(x)
        return z if last else activate(self.activation, z, self.alpha)


class Activation(nn.Module):
    """An element-wise non-linearity (or softmax over the classes) on its own node."""

    def __init__(self, fn, alpha=0.0):
        super().__init__()
        self.fn, self.alpha = fn, alpha

    def forward(self, x, last=False):
        return x if last else activate(self.fn, x, self.alpha)


class BatchNorm(nn.Module):
    """Spec section 12: batch statistics (biased variance) while training; at test time the
    bias-corrected averages v / (1 - momentum^t) of the batches' mean and variance."""

    def __init__(self, units, epsilon, momentum):
        super().__init__()
        self.epsilon, self.momentum = epsilon, momentum
        self.gamma = nn.Parameter(torch.ones(units))
        self.beta = nn.Parameter(torch.zeros(units))
        self.register_buffer('moving_mean', torch.zeros(units))
        self.register_buffer('moving_variance', torch.zeros(units))
        self.register_buffer('steps', torch.zeros((), dtype=torch.int64))

    def forward(self, z, last=False):
        if self.training:
            mean = z.mean(0)
            variance = z.var(0, unbiased=False)
            with torch.no_grad():
                self.moving_mean.mul_(self.momentum).add_(mean, alpha=1 - self.momentum)
                self.moving_variance.mul_(self.momentum).add_(variance, alpha=1 - self.momentum)
                self.steps += 1
        else:
            t = int(self.steps)
            if t == 0:
                mean, variance = torch.zeros_like(self.moving_mean), torch.ones_like(self.moving_variance)
            else:
                correction = 1 - self.momentum ** t
                mean, variance = self.moving_mean / correction, self.moving_variance / correction
        return (z - mean) / torch.sqrt(variance + self.epsilon) * self.gamma + self.beta


class Dropout(nn.Module):
    """Inverted dropout: d = (rand < keep_prob), a := a * d / keep_prob, while training only."""

    def __init__(self, keep_prob):
        super().__init__()
        self.keep_prob = keep_prob

    def forward(self, x, last=False):
        if not self.training or self.keep_prob >= 1:
            return x
        keep = (torch.rand_like(x) < self.keep_prob).to(x.dtype)
        return x * keep / self.keep_prob


class Augment(nn.Module):
    """Training batches only: a random whole-pixel shift of every image (zero fill), and an
    optional left-right flip of half of them. Images are rows of h * w * c features."""

    def __init__(self, image_shape, max_shift, flip_horizontal):
        super().__init__()
        self.image_shape, self.max_shift, self.flip_horizontal = image_shape, max_shift, flip_horizontal

    def forward(self, x, last=False):
        s = self.max_shift
        if not self.training or (s == 0 and not self.flip_horizontal):
            return x
        m = x.shape[0]
        h, w, c = self.image_shape
        images = x.reshape(m, h, w, c)
        if self.flip_horizontal:
            flip = torch.rand(m, device=x.device) < 0.5
            images = torch.where(flip[:, None, None, None], images.flip(2), images)
        if s > 0:
            padded = F.pad(images, (0, 0, s, s, s, s))
            dy = torch.randint(0, 2 * s + 1, (m,), device=x.device)
            dx = torch.randint(0, 2 * s + 1, (m,), device=x.device)
            rows = dy[:, None] + torch.arange(h, device=x.device)
            cols = dx[:, None] + torch.arange(w, device=x.device)
            index = torch.arange(m, device=x.device)[:, None, None]
            images = padded[index, rows[:, :, None], cols[:, None, :]]
        return images.reshape(m, h * w * c)


class SequentialNet(nn.Module):
    """The layers in order; forward(x) gives the predictions, forward(x, logits=True) the logits."""

    output_activation = None

    def forward(self, x, logits=False):
        names = list(self.layers)
        for i, name in enumerate(names):
            x = self.layers[name](x, last=i == len(names) - 1)
        return x if logits else activate(self.output_activation, x)


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
    total = torch.zeros(())
    for layer in model.layers.values():
        if isinstance(layer, Dense):
            if layer.l2:
                total = total + layer.l2 / (2 * m) * layer.linear.weight.pow(2).sum()
            if layer.l1:
                total = total + layer.l1 / m * layer.linear.weight.abs().sum()
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
