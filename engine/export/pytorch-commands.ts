/**
 * The exported Python file's commands: `predict`, and `train` (one process, or several under
 * torchrun with DistributedDataParallel). Like PYTHON_RUNTIME, free of backslashes and "${".
 */
export const PYTHON_COMMANDS = `
# ---------------------------------------------------------------------------------------------
# The data loading hook. Replace load_data to train on other data: return float32 tensors
# x_train [m, n0], y_train, x_dev, y_dev (dev may have 0 rows), y as the loss takes it:
# binary cross-entropy [m, 1] of 0/1, categorical cross-entropy one-hot [m, C], mean squared
# error the targets [m, k]. Inputs are raw features: Normalize is inside the network.
# ---------------------------------------------------------------------------------------------
def load_data(path=None):
    path = path or os.path.join(HERE, 'data.safetensors')
    if not os.path.exists(path):
        raise SystemExit('No data at ' + path + ': export with the data, pass --data, or edit load_data().')
    t = load_safetensors(path)
    return {k: t[k].float() for k in ('x_train', 'y_train', 'x_dev', 'y_dev')}


def build_model(weights=None):
    model = NetCanvasNet()
    path = weights or os.path.join(HERE, 'weights.safetensors')
    if path != 'none':
        model.load_state_dict(load_safetensors(path))
    return model


def log(args, event):
    if args.json:
        print(json.dumps(event), flush=True)
    elif event['event'] == 'epoch':
        dev = event.get('dev')
        print('epoch %d: train cost %.6f%s' % (event['epoch'], event['train']['cost'],
              '' if dev is None else ', dev cost %.6f' % dev['cost']), flush=True)
    else:
        print(json.dumps(event), flush=True)


@torch.no_grad()
def evaluate(model, x, y, m_train):
    if x.shape[0] == 0:
        return None
    was_training = model.training
    model.eval()
    z = model(x, logits=True)
    loss = float(example_losses(z, y, model.output_activation).mean())
    correct = correct_count(z, y, model.output_activation)
    model.train(was_training)
    return {'cost': loss + float(penalty(model, m_train)), 'loss': loss,
            'accuracy': None if correct is None else correct / x.shape[0]}


def rank_difference(model, world):
    """The largest difference between this rank's weights and rank 0's, over every rank."""
    flat = torch.cat([t.detach().double().flatten() for t in model.state_dict().values()])
    gathered = [torch.zeros_like(flat) for _ in range(world)]
    dist.all_gather(gathered, flat)
    return max(float((g - gathered[0]).abs().max()) for g in gathered)


def sync_buffers(model):
    """DDP hands rank 0's buffers (batch norm's averages) to every rank at each forward; after an
    epoch's last update the same, so every rank evaluates, stops and saves one model."""
    for buffer in model.buffers():
        dist.broadcast(buffer, 0)


def train(args):
    world = int(os.environ.get('WORLD_SIZE', '1'))
    distributed = world > 1
    use_cuda = args.device == 'cuda'
    if distributed:
        dist.init_process_group('nccl' if use_cuda else 'gloo')
    rank = dist.get_rank() if distributed else 0
    device = torch.device('cuda', int(os.environ.get('LOCAL_RANK', '0'))) if use_cuda else torch.device('cpu')
    settings = TRAINING['training']
    seed = settings['seed'] if args.seed is None else args.seed
    torch.manual_seed(seed + rank)  # dropout and augmentation masks differ per rank
    model = build_model(args.weights).to(device)
    data = {k: v.to(device) for k, v in load_data(args.data).items()}
    x, y = data['x_train'], data['y_train']
    m = x.shape[0]
    net = nn.parallel.DistributedDataParallel(model) if distributed else model
    optimizer = SpecOptimizer(model.parameters(), **TRAINING['optimizer'])
    batch_size = batch_size_for(m)
    updates = math.ceil(m / batch_size)
    epochs = args.epochs or settings['epochs']
    early = settings['earlyStopping']
    best, first, t = None, None, 0
    model.train()
    for epoch in range(1, epochs + 1):
        # Every rank draws the same order, so the ranks cut the same global mini-batches.
        order = (torch.randperm(m, generator=torch.Generator().manual_seed(seed * 100003 + epoch))
                 if settings['shuffle'] else torch.arange(m)).to(device)
        for b in range(updates):
            t += 1
            for group in optimizer.param_groups:
                group['lr'] = learning_rate_at(epoch, t)
            batch = order[b * batch_size:(b + 1) * batch_size]
            # DDP averages the ranks' gradients, so each rank weighs its share of the batch by
            # world / m_b: the average is then the gradient of the whole batch's mean loss.
            if len(batch) >= world:
                shard, weight = batch[rank::world], world / len(batch)
            else:
                shard, weight = batch, 1 / len(batch)
            z = net(x[shard], logits=True)
            cost = example_losses(z, y[shard], model.output_activation).sum() * weight + penalty(model, m)
            optimizer.zero_grad(set_to_none=True)
            cost.backward()
            optimizer.step()
        if distributed:
            sync_buffers(model)
        train_metrics = evaluate(model, x, y, m)
        dev_metrics = evaluate(model, data['x_dev'], data['y_dev'], m)
        first = first or train_metrics
        if rank == 0:
            log(args, {'event': 'epoch', 'epoch': epoch, 't': t, 'lr': learning_rate_at(epoch, t),
                       'train': train_metrics, 'dev': dev_metrics})
        if not math.isfinite(train_metrics['cost']):
            break
        watched = (dev_metrics or train_metrics)['loss']
        if best is None or watched < best['loss'] - early['minDelta']:
            keep = early['enabled'] and early['restoreBest']
            state = {k: v.clone() for k, v in model.state_dict().items()} if keep else None
            best = {'epoch': epoch, 'loss': watched, 'state': state}
        elif early['enabled'] and dev_metrics and epoch - best['epoch'] >= early['patience']:
            if best['state'] is not None:
                model.load_state_dict(best['state'])
            break
    difference = rank_difference(model, world) if distributed else 0.0
    save = args.save or os.path.join(HERE, 'trained.safetensors')
    if rank == 0:
        save_safetensors(model.state_dict(), save, {'epochs': epoch, 'updates': t})
        log(args, {'event': 'done', 'rank': rank, 'world_size': world, 'epochs': epoch, 'updates': t,
                   'first_train_cost': first['cost'], 'train': evaluate(model, x, y, m),
                   'ranks_agree': difference <= 1e-6, 'max_rank_difference': difference, 'saved': save})
    if distributed:
        dist.barrier()
        dist.destroy_process_group()


@torch.no_grad()
def predict(args):
    model = build_model(args.weights)
    model.eval()
    x = load_safetensors(args.input)[args.key].float()
    y = model(x)
    if args.output:
        save_safetensors({'y': y}, args.output)
    else:
        print(json.dumps(y.tolist()))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('Usage')[0].strip())
    commands = parser.add_subparsers(dest='command', required=True)
    p = commands.add_parser('predict', help='predictions for raw inputs')
    p.add_argument('--input', required=True, help='a .safetensors file holding the inputs [m, n0]')
    p.add_argument('--key', default='x', help='the tensor in --input to read (default x)')
    p.add_argument('--output', help='write y to this .safetensors file (default: print JSON)')
    p.add_argument('--weights', help='weights to load (default weights.safetensors beside this file)')
    t = commands.add_parser('train', help='go on training (under torchrun: on several processes)')
    t.add_argument('--epochs', type=int, help='epochs to train (default: as in NetCanvas)')
    t.add_argument('--seed', type=int, help='seed for shuffles and masks (default: as in NetCanvas)')
    t.add_argument('--data', help='a .safetensors file with x_train, y_train, x_dev, y_dev')
    t.add_argument('--weights', help="weights to start from ('none' for a fresh initialization)")
    t.add_argument('--save', help='where to write the trained weights (default trained.safetensors)')
    t.add_argument('--device', choices=['cpu', 'cuda'], default='cpu')
    t.add_argument('--json', action='store_true', help='print one JSON object per event')
    args = parser.parse_args(argv)
    (train if args.command == 'train' else predict)(args)


if __name__ == '__main__':
    main()
`;
