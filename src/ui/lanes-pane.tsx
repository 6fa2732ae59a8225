import { Box, Text } from 'ink';
import { sharedYMax, type AppState } from '../core/app-state.js';
import { plotWindowMs } from '../core/lane-plot.js';
import { MODE_IDS } from '../core/modes.js';
import { SOURCE_HEADLINE } from '../core/sample.js';
import type { Theme } from '../core/theme.js';
import { LaneView } from './lane-view.js';
import { TreeView } from './tree-view.js';

export interface LanesPaneProps {
  state: AppState;
  width: number;
  height: number;
  theme: Theme;
  now: number;
}

/** The live demo: a header saying LIVE or REPLAY and where samples come from, then three lanes or one focused lane with its tree. */
export function LanesPane({ state, width, height, theme, now }: LanesPaneProps) {
  const yMax = sharedYMax(state);
  const header = state.replay ? ' REPLAY ' : state.connecting ? ' … ' : ' LIVE ';
  const detail = (state.source && SOURCE_HEADLINE[state.source.source]) ?? (state.replay ? 'recorded run, no engine needed' : state.connecting ? 'looking for a Docker engine…' : 'Docker engine');
  const body = height - 2;
  const build = state.build ? `${state.build.image}: ${state.build.line}` : null;
  const focus = state.focus;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <Text inverse bold color={state.replay ? theme.replay : theme.ok}>{header}</Text>
        <Text>{` ${detail}`}</Text>
      </Text>
      <Text wrap="truncate" color={state.problem ? theme.error : undefined}>
        {state.problem
          ? `ERROR: ${state.problem.message} · fix: ${state.problem.fix}`
          : (state.notice ?? `zombies over the last ${Math.round(plotWindowMs(width, yMax) / 1000)} s · y from 0 to ${yMax}${yMax === (state.lanes['no-init'].pidsLimit ?? -1) ? ' (the PID limit)' : ''}`)}
      </Text>
      {focus ? (
        <Box flexDirection="column" height={body}>
          <LaneView
            lane={state.lanes[focus]}
            index={MODE_IDS.indexOf(focus) + 1}
            width={width}
            height={Math.max(6, Math.floor(body / 2))}
            yMax={yMax}
            theme={theme}
            now={now}
            buildLine={build}
          />
          <TreeView tree={state.lanes[focus].tree} height={body - Math.max(6, Math.floor(body / 2))} theme={theme} />
        </Box>
      ) : (
        MODE_IDS.map((m, i) => {
          const h = Math.floor(body / 3);
          return (
            <LaneView
              key={m}
              lane={state.lanes[m]}
              index={i + 1}
              width={width}
              height={i === 2 ? body - 2 * h : h}
              yMax={yMax}
              theme={theme}
              now={now}
              buildLine={build}
            />
          );
        })
      )}
    </Box>
  );
}
