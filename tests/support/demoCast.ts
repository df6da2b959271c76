import { DEMO } from '../../api/src/local/demo-org/demoDirectory';
import type { DemoDirectory } from '../../api/src/local/demo-org/types';

/** People the tests need beyond the named cast, found by their place in the demo org chart. */
export function demoCast(directory: DemoDirectory) {
  const reportsOf = (id: string) =>
    directory.users.filter((u) => u.managerId === id && u.accountEnabled && u.mail);
  const bigTeam = reportsOf(DEMO.contoso.bigTeamManager);
  const manager = directory.users.find((u) => u.id === DEMO.contoso.manager)!;
  const peerManager = directory.users.find(
    (u) => u.managerId === manager.managerId && u.id !== manager.id && reportsOf(u.id).length > 0,
  );
  if (bigTeam.length < 2 || !peerManager)
    throw new Error('The demo org no longer has the people these tests need');
  return {
    bigTeamReport: bigTeam[0].id,
    bigTeamReport2: bigTeam[1].id,
    peerManager: peerManager.id,
  };
}
