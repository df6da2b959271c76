import {
  AGENDA_END,
  AGENDA_START,
  fencedAgenda,
  spliceAgenda,
} from '../../../../api/src/domain/invites/inviteBody';

const JOIN =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7B%7D';
const BLOB =
  '<div style="width:100%"><span>________________________________________</span></div>' +
  `<div>Microsoft Teams meeting <a href="${JOIN}">Join the meeting now</a></div>`;

describe("the invite's body: our agenda replaced, Teams' meeting blob kept", () => {
  it('replaces exactly the fenced agenda and keeps what Exchange wrapped around it', () => {
    const current = `<html><body>${fencedAgenda('<p>OLD secret</p>')}${BLOB}</body></html>`;
    const next = spliceAgenda(current, '<p>NEW</p>', JOIN);
    expect(next).toBe(`<html><body>${AGENDA_START}<p>NEW</p>${AGENDA_END}${BLOB}</body></html>`);
    expect(next).not.toContain('OLD');
  });

  it('without markers, the old text goes and the blob stays, so a deletion cannot linger', () => {
    const next = spliceAgenda(`<h2>Agenda</h2><p>OLD secret</p>${BLOB}`, '<p>NEW</p>', JOIN);
    expect(next).toBe(`${fencedAgenda('<p>NEW</p>')}${BLOB}`);
  });

  it('without markers or a blob, a plain join link keeps the meeting joinable', () => {
    const next = spliceAgenda('<p>OLD secret</p>', '<p>NEW</p>', JOIN);
    expect(next).not.toContain('OLD');
    expect(next).toContain('<p>NEW</p>');
    expect(next).toContain(`<a href="${JOIN}">Join the Microsoft Teams meeting</a>`);
    expect(spliceAgenda('<p>OLD</p>', '<p>NEW</p>', null)).toBe(fencedAgenda('<p>NEW</p>'));
  });

  it('a marker typed into the agenda cannot swallow the blob: the agenda is escaped before it is fenced', () => {
    // renderAgenda escapes every user text, so "<!--" from a title arrives as "&lt;!--".
    const agenda = '<p>&lt;!--/career-board-agenda--&gt;</p>';
    const once = spliceAgenda(`${fencedAgenda('<p>x</p>')}${BLOB}`, agenda, JOIN);
    expect(spliceAgenda(once, '<p>NEW</p>', JOIN)).toBe(`${fencedAgenda('<p>NEW</p>')}${BLOB}`);
  });
});
